import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import { cspHeader, inlineScriptHashes } from './csp.ts';

/**
 * Serves a built single-page app: real files as they are, anything else (a deep link such as /staff/anything) gets
 * the app's index.html so the app's router takes over. SvelteKit's hashed assets are cached for good; the entry page
 * never is, so an update reaches every tablet on its next load. An app without deep links (the kiosk has one page)
 * passes `notFound`: a path that is not a file then gets that answer instead of the app's own bare error page (a
 * phone that opened a mistyped link sees the salon's styled "not found" page).
 */
export function spa(root: string, mountPath: string, notFound?: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  // The page's CSP allows its own inline scripts by hash (SvelteKit's bootstrap), nothing else inline.
  let pageCsp: string | null = null;
  const csp = () => (pageCsp ??= cspHeader(pageScriptHashes(root)));
  const files = serveStatic({
    root,
    rewriteRequestPath: (path) => path.slice(mountPath.length) || '/',
    onFound: (path, c) => {
      c.header('Cache-Control', path.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (path.endsWith('.html')) c.header('Content-Security-Policy', csp());
    },
  });
  let index: string | null = null;
  const fallback = async (c: Context) => {
    index ??= await readFile(join(root, 'index.html'), 'utf8');
    c.header('Cache-Control', 'no-cache');
    c.header('Content-Security-Policy', csp());
    return c.html(index);
  };
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const served = await files(c, async () => {});
    if (served instanceof Response) return served;
    const entry = c.req.path === mountPath || c.req.path === `${mountPath}/`;
    return notFound && !entry ? notFound(c) : fallback(c);
  };
}

/** The hashes of the built entry page's inline scripts (none if the app is not built: then nothing is served). */
function pageScriptHashes(root: string): string[] {
  try {
    return inlineScriptHashes(readFileSync(join(root, 'index.html'), 'utf8'));
  } catch {
    return [];
  }
}
