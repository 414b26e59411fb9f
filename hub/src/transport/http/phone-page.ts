import { LANGUAGES, type Language } from '@glow/shared';
import type { MiddlewareHandler } from 'hono';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/**
 * The one frame of every page a client opens on their phone (aftercare sheet, report, opt-out, rebooking, booking
 * link): phone first (390 px wide), no JavaScript at all, the same head, headers and base look. Each family of pages
 * adds only its own CSS.
 */

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** What every phone page looks like; the pages' own CSS comes after it and may refine it. */
const BASE_STYLE = `
  :root { color-scheme: light; --ink: #2b2326; --muted: #6b5b61; --accent: #8c3b5a; --paper: #fffaf7; --line: #ead8de; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 1.0625rem/1.5 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif;
         color: var(--ink); background: var(--paper); }
  main { max-width: 36rem; margin: 0 auto; padding: 1.25rem 1.25rem 3rem; }
  header { border-bottom: 2px solid var(--line); padding-bottom: .75rem; margin-bottom: 1rem; }
  .salon { color: var(--accent); font-weight: 700; letter-spacing: .02em; }
  h1 { font-size: 1.5rem; line-height: 1.25; margin: .25rem 0 .5rem; }
  a { color: var(--accent); }
  dt { color: var(--muted); }
  nav.lang { margin-top: 2rem; display: flex; gap: .75rem; }
  nav.lang a { color: var(--accent); padding: .6rem .9rem; border: 1px solid #d9b8c4; border-radius: .6rem;
          text-decoration: none; min-height: 48px; display: inline-flex; align-items: center; }
  nav.lang a[aria-current] { background: var(--accent); color: #fff; }
`;

/**
 * The headers every phone page answers with, whatever the status (a refusal, a 404, a 413 too): nothing cached,
 * indexed, framed or leaked by referrer, and no script at all.
 */
export const PHONE_PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
};

/**
 * Puts PHONE_PAGE_HEADERS on the answer once it is made, so that answers made by other middleware (a body limit's
 * refusal) get them too. Register it before any other middleware of the phone routes.
 */
export const phonePageHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  for (const [name, value] of Object.entries(PHONE_PAGE_HEADERS)) c.header(name, value);
};

/** The whole document: head (no referrer, not indexed), the base look plus the page's own CSS, and the body. */
export function phonePage(language: Language, title: string, body: Html, style = '') {
  return html`<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    <style>${raw(BASE_STYLE + style)}</style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;
}

/** Each language named in itself, as a reader of that language looks for it. */
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

/** The language switch at the foot of a page; `hrefFor` keeps the page (and its choices) in the other language. */
export const languageNav = (current: Language, label: string, hrefFor: (l: Language) => string) =>
  html`<nav class="lang" aria-label="${label}">
    ${LANGUAGES.map(
      (l) => html`<a href="${hrefFor(l)}" lang="${l}" ${l === current ? raw('aria-current="true"') : ''}>${LANGUAGE_NAMES[l]}</a>`,
    )}
  </nav>`;

/** A `tel:` link's target: the digits and a leading +, as dialers want them ("+44 20 7946 0958" → "+442079460958"). */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;
