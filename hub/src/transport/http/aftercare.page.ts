import { createTranslator, LANGUAGES, type Language } from '@glow/shared';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { AftercareSheet } from '../../services/aftercare.service.ts';

// Phone first, no JavaScript, printable on A5: the whole page is this HTML and a few lines of CSS.
const STYLE = `
  :root { color-scheme: light; --ink: #2b2326; --muted: #6b5b61; --accent: #8c3b5a; --paper: #fffaf7; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 1.0625rem/1.55 system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif;
         color: var(--ink); background: var(--paper); }
  main { max-width: 36rem; margin: 0 auto; padding: 1.25rem 1.25rem 3rem; }
  header { border-bottom: 2px solid #ead8de; padding-bottom: .75rem; margin-bottom: 1rem; }
  .salon { color: var(--accent); font-weight: 700; letter-spacing: .02em; }
  h1 { font-size: 1.6rem; line-height: 1.25; margin: .25rem 0 .5rem; }
  .service { color: var(--muted); margin: 0; }
  .care p { margin: 0 0 .8rem; }
  nav { margin-top: 1.5rem; display: flex; gap: .75rem; }
  nav a { color: var(--accent); padding: .6rem .9rem; border: 1px solid #d9b8c4; border-radius: .6rem;
          text-decoration: none; min-height: 48px; display: inline-flex; align-items: center; }
  nav a[aria-current] { background: var(--accent); color: #fff; }
  @page { size: A5; margin: 12mm; }
  @media print { body { background: #fff; } nav { display: none; } main { padding: 0; } }
`;

function page(language: Language, title: string, body: HtmlEscapedString | Promise<HtmlEscapedString>) {
  return html`<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <meta name="robots" content="noindex" />
    <title>${title}</title>
    <style>${raw(STYLE)}</style>
  </head>
  <body>
    <main>${body}</main>
  </body>
</html>`;
}

export function aftercarePage(sheet: AftercareSheet, language: Language) {
  const t = createTranslator(language);
  const paragraphs = sheet.aftercare[language].split(/\n+/).filter((p) => p.trim());
  const salon = sheet.salon.name;
  return page(
    language,
    `${t('phone.aftercare.title')} · ${salon}`,
    html`<header>
        <div class="salon">${salon}</div>
        <h1>${t('phone.aftercare.greeting', { name: sheet.firstName, salon })}</h1>
        <p class="service">${t('phone.aftercare.service', { service: sheet.serviceName[language] })}</p>
      </header>
      <section class="care" aria-label="${t('phone.aftercare.title')}">
        ${paragraphs.map((p) => html`<p>${p}</p>`)}
      </section>
      <nav aria-label="Language">
        ${LANGUAGES.map(
          (l) =>
            html`<a href="?lang=${l}" lang="${l}" ${l === language ? raw('aria-current="true"') : ''}>${t(`lang.${l}`)}</a>`,
        )}
      </nav>`,
  );
}

export function linkNotFoundPage(language: Language) {
  const t = createTranslator(language);
  return page(
    language,
    t('phone.aftercare.notFound.title'),
    html`<h1>${t('phone.aftercare.notFound.title')}</h1>
      <p>${t('phone.aftercare.notFound.body')}</p>`,
  );
}
