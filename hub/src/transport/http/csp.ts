import { createHash } from 'node:crypto';

/**
 * The hub's Content-Security-Policy (DESIGN §6), one definition for every response: Hono's secureHeaders takes it for
 * all routes, and the two apps' pages add the hashes of their own inline scripts to `script-src` (see spa()).
 * No 'unsafe-inline' for scripts: SvelteKit's bootstrap script is allowed by its hash (kit.csp in svelte.config.js).
 * Styles keep 'unsafe-inline': Svelte sets style attributes (transitions, positions) at run time.
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'", 'ws:', 'wss:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
};

/** The header value, with extra script sources (`'sha256-…'`). */
export function cspHeader(scriptSources: readonly string[] = []): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([name, values]) => {
      const all = name === 'scriptSrc' ? [...values, ...scriptSources] : values;
      return `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${all.join(' ')}`;
    })
    .join('; ');
}

const INLINE_SCRIPT = /<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi;

/** `'sha256-…'` of every inline script of a page, exactly as a browser hashes it to check the CSP. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body ?? '', 'utf8').digest('base64')}'`,
  );
}
