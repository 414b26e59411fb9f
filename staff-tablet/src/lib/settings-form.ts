import { describeIssues, type Ack, type AppError, type LocalizedText, type Translate } from '@glow/shared';

/** Problems beside their fields: the field's dotted path (as the hub names it) → the message to show under it. */
export type FieldErrors = Record<string, string>;

/** A shared zod schema, typed by what this file uses of it (the tablet does not depend on zod itself). */
type Checker = { safeParse(input: unknown): { success: true } | { success: false; error: { issues: Parameters<typeof describeIssues>[0] } } };

/** A command id only for checking a draft on the tablet; the outbox gives the real command its own. */
const CHECK_ID = 'draft-check-0000';

/**
 * Checks a draft with the very schema the hub checks it with, so the manager sees every problem at once, in their
 * language, before anything is sent. Empty when the draft may be sent.
 */
export function draftErrors(schema: Checker, draft: Record<string, unknown>, t: Translate): FieldErrors {
  const parsed = schema.safeParse({ commandId: CHECK_ID, ...draft });
  return parsed.success ? {} : byField(describeIssues(parsed.error.issues, t));
}

/** The hub's refusal, field by field (invalid input), so the screen can mark the fields it names. */
export const refusalErrors = (error: AppError): FieldErrors => byField(error.issues ?? []);

function byField(issues: readonly { field: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  // The first problem of a field is the one to fix first.
  for (const i of issues) out[i.field] ??= i.message;
  return out;
}

/** The hub's answer to a save: what to show. `errors` mark fields; `message` is for the whole form. */
export type SaveOutcome<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; message: string };

export function outcomeOf<T>(ack: Ack<T>): SaveOutcome<T> {
  if (ack.ok) return { ok: true, data: ack.data };
  return { ok: false, errors: refusalErrors(ack.error), message: ack.error.message };
}

export const copyText = (t: LocalizedText | undefined): LocalizedText => ({ en: t?.en ?? '', 'zh-CN': t?.['zh-CN'] ?? '' });
