import { z } from 'zod';

/**
 * For the apps in the browser (#14): zod compiles fast object parsers with `new Function`, which the hub's CSP forbids
 * (no 'unsafe-eval'), so the first parse in a page made the browser report a CSP violation before zod fell back.
 * Jitless parsing asks for nothing the CSP refuses. The hub keeps the compiled parsers: no CSP applies there, and its
 * command path is the hot one.
 */
export function useJitlessZod(): void {
  z.config({ jitless: true });
}

/** Whether zod parses without compiling code (set by `useJitlessZod`). */
export const zodIsJitless = (): boolean => z.config().jitless === true;
