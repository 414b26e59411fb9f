import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { refuse, toAppError } from '../../services/app-error.ts';
import { phoneTranslator } from './aftercare.messages.ts';
import { linkNotFoundPage, messagePage } from './aftercare.page.ts';
import { languageFrom } from './language.ts';
import { phonePageHeaders } from './phone-page.ts';
import { isSameOrigin } from './same-origin.ts';

/**
 * What every route family of the client's phone pages (aftercare `/a/…`, rebooking `/a/…/book`, booking links
 * `/b/…`) does alike: the page headers, the one "link not found" answer, and refusing foreign and oversized forms
 * with a page in the client's language.
 */

/** The language of a page that has no link to go by: `?lang=` when the client picked one, else the browser's. */
export const requestLanguage = (c: Context) => languageFrom(c.req.header('accept-language'), c.req.query('lang'));

/** Unknown, malformed, expired and revoked links all get exactly this answer. */
export const linkNotFound = (c: Context) => c.html(linkNotFoundPage(requestLanguage(c)), 404);

/**
 * A form from another site. The pages say `no-referrer`, so the browser sends `Origin: null` even for their own
 * forms; Fetch Metadata (`Sec-Fetch-Site`) tells where the form really came from, and a real Origin must be ours.
 * (The token in the path is the page's capability anyway: another site cannot know it.)
 */
export const isForeignForm = (c: Context): boolean => {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = c.req.header('origin');
  return origin !== undefined && origin !== 'null' && !isSameOrigin(origin, c.req.header('host'));
};

/** The refusal of a foreign form, as a page. */
export const foreignFormPage = (c: Context, language = requestLanguage(c)) =>
  c.html(messagePage(language, phoneTranslator(language)('error.forbidden')), 403);

/**
 * The middleware of a family of booking pages under `paths`: the phone page headers on every answer (refusals
 * included), foreign forms refused, and posts limited to `maxBytes`, a larger one answered with a page in the
 * client's language. The headers come first so that the other two answers carry them.
 */
export function guardPhoneForms(app: Hono, paths: readonly string[], maxBytes: number): void {
  for (const path of paths) app.use(path, phonePageHeaders);
  for (const path of paths) {
    app.use(path, async (c, next) => (c.req.method === 'POST' && isForeignForm(c) ? foreignFormPage(c) : next()));
    app.use(
      path,
      bodyLimit({
        maxSize: maxBytes,
        onError: (c) => {
          // The rest of the body is never read, so the connection cannot be reused.
          c.header('Connection', 'close');
          const language = requestLanguage(c);
          return c.html(messagePage(language, toAppError(refuse('payload_too_large'), language).message), 413);
        },
      }),
    );
  }
}

/**
 * A request path fit for the log: a phone link's token is its capability and is stored only hashed (DESIGN §6), so
 * `/a/<token>/report` is logged as `/a/…/report`.
 */
export const withoutLinkToken = (path: string): string => path.replace(/^\/([ab])\/[^/]+/, '/$1/…');
