import { randomBytes } from 'node:crypto';
import type { Language } from '@glow/shared';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { HubReads } from '../../services/reads.ts';
import type { PageContext } from './booking.pages.ts';
import { languageNav, phonePage, type Html } from './phone-page.ts';
import { phoneTranslator } from './phone-messages.ts';

/**
 * The booking pages in the phone pages' frame (phone-page.ts): every step is a plain link or form, so the pages work
 * on any phone and with scripts off. Only the booking's own CSS is here.
 */
const STYLE = `
  h2 { font-size: 1.15rem; margin: 1.25rem 0 .5rem; }
  p { margin: 0 0 .75rem; }
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
  dd { margin: 0; font-weight: 600; }
  .qr { text-align: center; margin: 1rem 0; } .qr svg { width: 14rem; height: 14rem; background: #fff; }
  .actions { display: flex; flex-direction: column; gap: .75rem; margin-top: 1rem; }
`;

/** A fresh commandId for a form: a double-tap or a resent form carries the same one, so it never acts twice. */
export const formCommandId = (): string => randomBytes(16).toString('base64url');

/** A booking page: the salon and the title (and a line under it), the page's body, and the language switch. */
export function bookingPage(ctx: PageContext, title: string, body: Html, intro?: string) {
  const t = phoneTranslator(ctx.language);
  return phonePage(
    ctx.language,
    `${title} · ${ctx.salon}`,
    html`<header>
        <div class="salon">${ctx.salon}</div>
        <h1>${title}</h1>
        ${intro ? html`<p class="muted">${intro}</p>` : ''}
      </header>
      ${body} ${languageNav(ctx.language, t('phone.language'), ctx.langLink)}`,
    STYLE,
  );
}

/**
 * What every booking page is drawn with: the salon, its time zone, and links to the same page in another language
 * (a one-off notice such as `done=moved` is not carried over).
 */
export function bookingPageContext(c: Context, reads: HubReads, language: Language): PageContext {
  return {
    language,
    salon: reads.salon().name,
    timeZone: reads.timeZone(),
    langLink: (l) => {
      const url = new URL(c.req.url);
      url.searchParams.set('lang', l);
      url.searchParams.delete('done');
      return `${url.pathname}${url.search}`;
    },
  };
}

/** A message box: `notice` for good news, `alert` for a refusal. */
export const messageBox = (kind: 'notice' | 'alert', text: string | null | undefined) =>
  text ? html`<p class="${kind}" role="${kind === 'alert' ? 'alert' : 'status'}">${text}</p>` : '';
