import type { Context, Hono } from 'hono';
import { refuse, toAppError } from '../../services/app-error.ts';
import { messagePage } from './aftercare.page.ts';
import { phonePageHeaders } from './phone-page.ts';
import { phoneTranslator } from './phone-messages.ts';
import { requestLanguage } from './phone-routes.ts';
import { isCrossSiteForm, limitBody } from './request-guards.ts';

/**
 * The guards of the client's phone pages, the same for every family (aftercare, rebooking, booking links): the phone
 * page headers on every answer (refusals included), a form from another site refused, and a body limit per form,
 * each refusal a page in the client's language. The link's token is checked by the form binder (phone-form.ts).
 */

/**
 * The headers and the cross-site refusal on every route under `paths`. The headers come first, so that the answers
 * of the other guards (and of the body limits that forms add) carry them.
 */
export function guardPhonePages(app: Hono, paths: readonly string[]): void {
  for (const path of paths) app.use(path, phonePageHeaders);
  for (const path of paths) app.use(path, async (c, next) => (c.req.method === 'POST' && isCrossSiteForm(c) ? crossSitePage(c) : next()));
}

/** The refusal of a form from another site, as a page. */
const crossSitePage = (c: Context) => {
  const language = requestLanguage(c);
  return c.html(messagePage(language, phoneTranslator(language)('error.forbidden')), 403);
};

/** A form's body limit; a larger post is answered by `tooLarge`, by default a page saying it was too large. */
export const phoneFormLimit = (maxBytes: number, tooLarge: (c: Context) => Response | Promise<Response> = tooLargePage) =>
  limitBody(maxBytes, tooLarge);

const tooLargePage = (c: Context) => {
  const language = requestLanguage(c);
  return c.html(messagePage(language, toAppError(refuse('payload_too_large'), language).message), 413);
};
