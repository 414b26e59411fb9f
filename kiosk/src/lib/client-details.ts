import { isMessageKey, type FieldIssue, type Translate } from '@glow/shared';
import type { ValidateDetails } from './validation.ts';

export const DETAIL_FIELDS = ['firstName', 'lastName', 'phone'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
export type Details = Record<DetailField, string>;

let validation: Promise<ValidateDetails> | undefined;

/** The form's validator, loaded once on first use (it is the only part of the kiosk that needs zod). */
export function loadValidation(): Promise<ValidateDetails> {
  validation ??= import('./validation.ts').then(
    (m) => m.validateDetails,
    (error: unknown) => {
      validation = undefined; // e.g. the hub was out of reach: try again next time
      throw error;
    },
  );
  return validation;
}

/** The field of the form an issue from the hub is about: `client.phone` → `phone`. */
export function formField(issue: FieldIssue): string {
  return issue.field.startsWith('client.') ? issue.field.slice('client.'.length) : issue.field;
}

/**
 * An issue from the hub in the language on screen now: the hub wrote it in the language the command carried, but the
 * client may have switched since. Known rules are re-worded from our catalogue; anything else keeps the hub's words.
 */
export function localizeIssue(issue: FieldIssue, t: Translate): string {
  const ruleKey = `rule.${issue.rule}`;
  const name = issue.field.split('.').at(-1) ?? issue.field;
  const fieldKey = `field.${name}`;
  if (!isMessageKey(ruleKey) || !isMessageKey(fieldKey)) return issue.message;
  return t(ruleKey, { field: t(fieldKey) });
}

/** First message per form field. */
export function messagesByField(issues: readonly FieldIssue[], describe: (issue: FieldIssue) => string): Map<string, string> {
  const messages = new Map<string, string>();
  for (const issue of issues) {
    const field = formField(issue);
    if (!messages.has(field)) messages.set(field, describe(issue));
  }
  return messages;
}

/** What the on-screen keypad may add to a phone number: digits, and a + only at the start. */
export function pressKey(phone: string, key: string, maxLength = 20): string {
  if (key === 'delete') return phone.slice(0, -1);
  if (phone.length >= maxLength) return phone;
  if (key === '+') return phone.length === 0 ? '+' : phone;
  return /^\d$/.test(key) ? phone + key : phone;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The client's name as people write it: family name first and no space for a Chinese name, "First Last" otherwise. */
export function displayName(details: Pick<Details, 'firstName' | 'lastName'>): string {
  const first = details.firstName.trim();
  const last = details.lastName.trim();
  if (!last) return first;
  return CJK.test(first) && CJK.test(last) ? `${last}${first}` : `${first} ${last}`;
}
