import type { Context } from 'hono';
import { linkNotFoundPage } from './aftercare.page.ts';
import { languageFrom } from './language.ts';

/**
 * What every route family of the client's phone pages (aftercare `/a/…`, rebooking `/a/…/book`, booking links
 * `/b/…`) answers alike: the one "link not found" page, in the language of a request that has no link to go by.
 */

/** The language of a page that has no link to go by: `?lang=` when the client picked one, else the browser's. */
export const requestLanguage = (c: Context) => languageFrom(c.req.header('accept-language'), c.req.query('lang'));

/** Unknown, malformed, expired and revoked links all get exactly this answer. */
export const linkNotFound = (c: Context) => c.html(linkNotFoundPage(requestLanguage(c)), 404);

/**
 * A request path fit for the log: a phone link's token is its capability and is stored only hashed (DESIGN §6), so
 * `/a/<token>/report` is logged as `/a/…/report`.
 */
export const withoutLinkToken = (path: string): string => path.replace(/^\/([ab])\/[^/]+/, '/$1/…');
