import { useJitlessZod } from '@glow/shared';

// A single-page app served by the hub: no server rendering, no prerendering (the fallback page boots it).
export const ssr = false;
export const prerender = false;

// The hub's CSP has no 'unsafe-eval': zod must not try to compile parsers in the browser (#14).
useJitlessZod();
