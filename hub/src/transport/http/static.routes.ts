import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, MiddlewareHandler } from 'hono';
import { cspHeader, inlineScriptHashes } from './csp.ts';

/**
 * Serves a built single-page app: real files as they are (precompressed .br/.gz beside them when the browser takes
 * them: the apps are built with `precompress`), the entry page with a CSP made from that very page, and any other
 * path (a deep link such as /staff/anything) the entry page so the app's router takes over. SvelteKit's hashed assets
 * are cached for good; the entry page never is, so an update reaches every tablet on its next load.
 *
 * A path that names a file that is not there (robots.txt on an app without one, an old hashed asset after an update,
 * a favicon) is a 404, not the app: a browser would otherwise run HTML as the file it asked for. An app without deep
 * links (the kiosk has one page) passes `notFound`: every path that is not a file then gets that answer instead (a
 * phone that opened a mistyped link sees the salon's styled "not found" page).
 */
export function spa(root: string, mountPath: string, notFound?: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const page = entryPage(root);
  const files = serveStatic({
    root,
    precompressed: true,
    rewriteRequestPath: (path) => path.slice(mountPath.length) || '/',
  });
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path.slice(mountPath.length) || '/';
    if (path === '/' || path === '/index.html') return page(c);
    const served = await files(c, async () => {});
    if (served instanceof Response) {
      // Set on the answer itself: serveStatic's onFound runs after the answer is made, too late for a header.
      served.headers.set('Cache-Control', path.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      return served;
    }
    if (notFound) return notFound(c);
    if (namesAFile(path)) {
      c.header('Cache-Control', 'no-store');
      return c.text('Not found', 404);
    }
    return page(c);
  };
}

/** A last path segment with an extension, or anything under SvelteKit's asset folder: a file, never a route. */
const namesAFile = (path: string) => path.startsWith('/_app/') || /\.[A-Za-z0-9]+$/.test(path.slice(path.lastIndexOf('/') + 1));

/**
 * The entry page with the CSP that allows exactly its inline scripts (SvelteKit's bootstrap, by hash). Both come from
 * one read of index.html, done on every request (a small file): a rebuild under a running hub changes the page and
 * its hashes together, where a CSP computed once at start would block the new page's script and blank every screen.
 * While a rebuild has the file missing, the answer is a 503 that asks to reload in a moment.
 */
function entryPage(root: string): (c: Context) => Promise<Response> {
  let cached: { html: string; csp: string } | null = null;
  return async (c) => {
    let html: string;
    try {
      html = await readFile(join(root, 'index.html'), 'utf8');
    } catch {
      c.header('Retry-After', '5');
      c.header('Cache-Control', 'no-store');
      return c.text('Glow is being updated: reload this page in a moment. / Glow 正在更新，请稍后重新加载此页面。', 503);
    }
    if (cached?.html !== html) cached = { html, csp: cspHeader(inlineScriptHashes(html)) };
    c.header('Cache-Control', 'no-cache');
    c.header('Content-Security-Policy', cached.csp);
    return c.html(cached.html);
  };
}
