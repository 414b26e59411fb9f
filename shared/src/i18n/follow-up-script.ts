import type { FollowUpRule } from '../schemas/follow-up.schema.ts';
import { en, type MessageKey } from './en.ts';
import type { MessageParams } from './message-formatter.ts';
import type { Translate } from './translate.ts';

/** What the caller reads for one task: the title, the opening question, the rule's steps, the closing line. */
export type FollowUpScript = { title: string; minutes: string; open: string; notNow: string; steps: string[]; close: string };

/** The numbered step keys of a rule's script, in order (`followUp.script.<rule>.1`, `.2`, …). */
export function scriptStepKeys(rule: FollowUpRule): MessageKey[] {
  const keys: MessageKey[] = [];
  for (let n = 1; `followUp.script.${rule}.${n}` in en; n++) keys.push(`followUp.script.${rule}.${n}` as MessageKey);
  return keys;
}

/**
 * The call script of a follow-up task in the translator's language (the staff member's, not the client's): every
 * script opens with "is now a good time?" and ends with the closing line.
 */
export function followUpScript(t: Translate, rule: FollowUpRule, params: { client: string; me: string; salon: string; service: string; product: string }): FollowUpScript {
  const p = params as unknown as MessageParams;
  return {
    title: t(`followUp.script.${rule}.title` as MessageKey, p),
    minutes: t('followUp.script.minutes'),
    open: t('followUp.script.open', p),
    notNow: t('followUp.script.notNow'),
    steps: scriptStepKeys(rule).map((key) => t(key, p)),
    close: t('followUp.script.close'),
  };
}
