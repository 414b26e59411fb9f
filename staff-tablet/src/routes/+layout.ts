import { useJitlessZod } from '@glow/shared';

// A single-page app: the hub serves the fallback page for every path under /staff.
export const ssr = false;
export const prerender = false;

// The hub's CSP has no 'unsafe-eval': zod must not try to compile parsers in the browser (#14).
useJitlessZod();
