import { randomBytes } from 'node:crypto';
import { LANGUAGES, createTranslator, type Language } from '@glow/shared';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/**
 * The frame of the booking pages: phone first (390 px wide), no JavaScript at all — every step is a plain link or
 * form, so the pages work on any phone and with scripts off. The look follows the aftercare page.
 */
const STYLE = `
  :root { color-scheme: light; --ink: #2b2326; --muted: #6b5b61; --accent: #8c3b5a; --paper: #fffaf7; --line: #ead8de; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 1.0625rem/1.5 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif;
         color: var(--ink); background: var(--paper); }
  main { max-width: 36rem; margin: 0 auto; padding: 1.25rem 1.25rem 3rem; }
  header { border-bottom: 2px solid var(--line); padding-bottom: .75rem; margin-bottom: 1rem; }
  .salon { color: var(--accent); font-weight: 700; letter-spacing: .02em; }
  h1 { font-size: 1.5rem; line-height: 1.25; margin: .25rem 0 .5rem; }
  h2 { font-size: 1.15rem; margin: 1.25rem 0 .5rem; }
  p { margin: 0 0 .75rem; }
  a { color: var(--accent); }
  .muted { color: var(--muted); }
  label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
  select { width: 100%; min-height: 48px; font: inherit; padding: .5rem .6rem; border: 1px solid #c9a9b5;
           border-radius: .6rem; background: #fff; color: var(--ink); }
  button, .button { display: inline-flex; align-items: center; justify-content: center; min-height: 48px; font: inherit;
           font-weight: 600; padding: .6rem 1rem; border-radius: .6rem; border: 1px solid var(--accent);
           background: var(--accent); color: #fff; text-decoration: none; cursor: pointer; }
  .secondary { background: #fff; color: var(--accent); border-color: #d9b8c4; }
  .danger { background: #a3262f; border-color: #a3262f; }
  .wide { width: 100%; margin-top: 1rem; }
  .slots { display: grid; grid-template-columns: repeat(auto-fill, minmax(5.5rem, 1fr)); gap: .5rem; margin: .5rem 0 1rem; }
  .slots form { margin: 0; }
  .slots button { width: 100%; background: #fff; color: var(--accent); border-color: #d9b8c4; }
  .daynav { display: flex; justify-content: space-between; gap: .5rem; margin: .5rem 0; }
  .notice { padding: .75rem 1rem; border-radius: .6rem; margin: 0 0 1rem; background: #eef7ee; border: 1px solid #b9dcb9; }
  .alert { padding: .75rem 1rem; border-radius: .6rem; margin: 0 0 1rem; background: #fdeeee; border: 1px solid #e6b3b3; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: 0 0 1rem; }
  dt { color: var(--muted); } dd { margin: 0; font-weight: 600; }
  .qr { text-align: center; margin: 1rem 0; } .qr svg { width: 14rem; height: 14rem; background: #fff; }
  .actions { display: flex; flex-direction: column; gap: .75rem; margin-top: 1rem; }
  nav.lang { margin-top: 2rem; display: flex; gap: .75rem; }
  nav.lang a { color: var(--accent); padding: .6rem .9rem; border: 1px solid #d9b8c4; border-radius: .6rem;
          text-decoration: none; min-height: 48px; display: inline-flex; align-items: center; }
  nav.lang a[aria-current] { background: var(--accent); color: #fff; }
`;

/** The security headers every booking page answers with: nothing cached, indexed, framed or leaked by referrer. */
export const PAGE_HEADERS: Record<string, string> = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
};

/** A fresh commandId for a form: a double-tap or a resent form carries the same one, so it never acts twice. */
export const formCommandId = (): string => randomBytes(16).toString('base64url');

export function bookingPage(
  language: Language,
  title: string,
  salon: string,
  body: HtmlEscapedString | Promise<HtmlEscapedString>,
  langLink: (l: Language) => string,
) {
  const t = createTranslator(language);
  return html`<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <meta name="robots" content="noindex" />
    <title>${title} · ${salon}</title>
    <style>${raw(STYLE)}</style>
  </head>
  <body>
    <main>
      ${body}
      <nav class="lang" aria-label="Language">
        ${LANGUAGES.map(
          (l) => html`<a href="${langLink(l)}" lang="${l}" ${l === language ? raw('aria-current="true"') : ''}>${t(`lang.${l}`)}</a>`,
        )}
      </nav>
    </main>
  </body>
</html>`;
}

/** A message box: `notice` for good news, `alert` for a refusal. */
export const messageBox = (kind: 'notice' | 'alert', text: string | null | undefined) =>
  text ? html`<p class="${kind}" role="${kind === 'alert' ? 'alert' : 'status'}">${text}</p>` : '';
