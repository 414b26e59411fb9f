import { formatPersonName, phoneAsTyped, type FieldIssue, type PersonName } from '@glow/shared';
import { isKioskMessageKey, type KioskTranslate } from './i18n/translate.ts';

/** The field of the form an issue from the hub is about: `client.phone` → `phone`. */
export function formField(issue: FieldIssue): string {
  return issue.field.startsWith('client.') ? issue.field.slice('client.'.length) : issue.field;
}

/**
 * An issue from the hub in the language on screen now: the hub wrote it in the language the command carried, but the
 * client may have switched since. Known rules are re-worded from our catalogue; anything else keeps the hub's words.
 */
export function localizeIssue(issue: FieldIssue, t: KioskTranslate): string {
  const ruleKey = `rule.${issue.rule}`;
  const name = issue.field.split('.').at(-1) ?? issue.field;
  const fieldKey = `field.${name}`;
  if (!isKioskMessageKey(ruleKey) || !isKioskMessageKey(fieldKey)) return issue.message;
  return t(ruleKey, { field: t(fieldKey) });
}

/**
 * What the on-screen keypad may add to a phone number: digits up to the shared limit of a number, and a + only at
 * the start (phoneAsTyped, the rule the hardware keyboard's typing follows too).
 */
export function pressKey(phone: string, key: string): string {
  if (key === 'delete') return phone.slice(0, -1);
  if (key !== '+' && !/^\d$/.test(key)) return phone;
  return phoneAsTyped(phone + key);
}

/** The client's name as people write it, by its script (the shared formatter): "王小明", "Mei Lin". */
export const displayName = (details: PersonName): string => formatPersonName(details, 'full');
