import type { Ack, AppError, Language } from '@glow/shared';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import type { Decide, HubEngine } from '../../services/hub-engine.ts';
import { statusOf } from './booking-picker.ts';
import { phoneFormLimit } from './phone-guards.ts';
import { linkNotFound } from './phone-routes.ts';

/**
 * The one way a phone page's form runs, as bind-commands.ts is for socket commands: the link (or the one 404), the
 * body read and checked against the form's schema, the command through the engine (decide → journal → answer), and
 * then a 303 to the next page, or the form's page again with a message in the client's language. A form sent twice
 * (same commandId: a double tap, a reload) is answered from the first, and its preparation (a photo) is not redone.
 */

export type Page = Response | Promise<Response>;
export type PageStatus = 200 | 400 | 404 | 409 | 413 | 415 | 503;
/** Why a form's page is drawn again, and with which status. */
export type Problem = { message: string; status: PageStatus };
/** The text fields a form posted, to draw the page again with what the client typed. */
export type Fields = Readonly<Record<string, string>>;

/** A family of phone pages: how its link is found from the request, and the language its pages speak. */
export type LinkFamily<L> = {
  find(c: Context): L | null;
  languageOf(c: Context, link: L, posted?: string): Language;
  engine: Pick<HubEngine, 'execute' | 'answered'>;
};

/** Work done once for a new form before its command runs (a photo written), and settled once it is answered. */
export type Prepared<P> = { value: P; settle(ack: Ack<unknown>): Promise<void> };

export type PhoneForm<L, S extends z.ZodType<{ commandId: string }>, T, P = undefined> = {
  schema: S;
  /** The largest body the form takes. */
  maxBytes: number;
  /** The form's page, drawn again with a problem and what was typed. */
  render(c: Context, link: L, language: Language, problem: Problem, fields: Fields): Page;
  /** The message of a malformed form: the schema's issues, or null when the body was not a readable form at all. */
  invalid(issues: readonly z.core.$ZodIssue[] | null, language: Language): string;
  /** The message of a post over `maxBytes`, on the form's page (413); without it, a plain page says so. */
  tooLarge?: (language: Language) => string;
  command: string;
  /** Whom the form speaks for, for the command record (a retry is answered only to the same sender). */
  sender(link: L): string;
  prepare?(input: z.output<S>, body: FormBody, link: L, language: Language): Promise<Prepared<P> | Problem>;
  decide(input: z.output<S>, link: L, c: Context, prepared: P | undefined): Decide<T>;
  /** Where a done form goes (303 See Other). */
  done(c: Context, link: L, language: Language, data: T): string;
  /** A refused command's page; by default the form with the refusal's message. */
  refused?(c: Context, link: L, language: Language, error: AppError, fields: Fields): Page;
};

export type FormBody = Record<string, string | File>;

/** The GET pages and the form posts of one family of phone pages. */
export function phoneRoutes<L>(app: Hono, family: LinkFamily<L>) {
  const withLink = (c: Context, then: (link: L) => Page): Page => {
    const link = family.find(c);
    return link ? then(link) : linkNotFound(c);
  };
  return {
    page(path: string, draw: (c: Context, link: L, language: Language) => Page): void {
      app.get(path, (c) => withLink(c, (link) => draw(c, link, family.languageOf(c, link))));
    },

    form<S extends z.ZodType<{ commandId: string }>, T, P = undefined>(path: string, form: PhoneForm<L, S, T, P>): void {
      const { tooLarge } = form;
      // The rest of the body is never read: the form is drawn blank, with the message.
      const tooLargeForm = (c: Context) =>
        withLink(c, (link) => {
          const language = family.languageOf(c, link);
          return form.render(c, link, language, { message: tooLarge!(language), status: 413 }, {});
        });
      app.post(path, phoneFormLimit(form.maxBytes, tooLarge ? tooLargeForm : undefined), (c) => withLink(c, (link) => run(c, link, form)));
    },
  };

  async function run<S extends z.ZodType<{ commandId: string }>, T, P>(c: Context, link: L, form: PhoneForm<L, S, T, P>): Promise<Response> {
    const body = await readForm(c);
    const fields = typeof body === 'number' ? {} : textFields(body);
    const language = family.languageOf(c, link, fields.lang);
    const again = (problem: Problem) => form.render(c, link, language, problem, fields);
    if (typeof body === 'number') return again({ message: form.invalid(null, language), status: body });
    const parsed = form.schema.safeParse(body);
    if (!parsed.success) return again({ message: form.invalid(parsed.error.issues, language), status: 400 });
    const input = parsed.data;
    const sender = form.sender(link);
    const isRetry = family.engine.answered(input.commandId, sender);
    const prepared = isRetry || !form.prepare ? undefined : await form.prepare(input, body, link, language);
    if (prepared && 'message' in prepared) return again(prepared);
    const ack = await family.engine.execute({ command: form.command, commandId: input.commandId, sender, language }, form.decide(input, link, c, prepared?.value));
    await prepared?.settle(ack);
    if (ack.ok) return c.redirect(form.done(c, link, language, ack.data), 303);
    // The link went while the form was open (expired, revoked): like any unknown link.
    if (ack.error.reason === 'unknown_link') return linkNotFound(c);
    return form.refused ? form.refused(c, link, language, ack.error, fields) : again({ message: ack.error.message, status: statusOf(ack.error.code) });
  }
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** A form's body; 415 when it is not a form at all (another content type), 400 when it is a broken one. */
async function readForm(c: Context): Promise<FormBody | 400 | 415> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (!FORM_TYPES.some((t) => type.startsWith(t))) return 415;
  try {
    return (await c.req.parseBody()) as FormBody;
  } catch {
    return 400;
  }
}

const textFields = (body: FormBody): Fields =>
  Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
