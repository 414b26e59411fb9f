import type { z } from 'zod';
import {
  createTranslator,
  describeIssues,
  isMessageKey,
  type AppError,
  type Language,
  type MessageKey,
  type Refusal,
} from '@glow/shared';

// A refusal decided by a service, before it is put into the user's language: defined in shared, where the pure
// decisions that return it live.
export { isRefusal, refuse, type Refusal, type RefusalIssue } from '@glow/shared';

/** Puts a refusal into words in the user's language: the reason's message when there is one, else the code's. */
export function toAppError(refusal: Refusal, language: Language): AppError {
  const t = createTranslator(language);
  const reasonKey = `reason.${refusal.reason ?? ''}`;
  // Parameters that are themselves catalogue keys (a state, a command) are translated too.
  const params = Object.fromEntries(
    Object.entries(refusal.params ?? {}).map(([k, v]) => [k, typeof v === 'string' && isMessageKey(v) ? t(v) : v]),
  );
  const message = isMessageKey(reasonKey) ? t(reasonKey, params) : t(`error.${refusal.code}` as MessageKey);
  const issues = refusal.issues?.map((i) => {
    const key = `rule.${i.rule}`;
    return { field: i.field, rule: i.rule, message: t(isMessageKey(key) ? key : 'rule.invalid', i.params ?? { field: i.field }) };
  });
  return { code: refusal.code, ...(refusal.reason ? { reason: refusal.reason } : {}), message, ...(issues ? { issues } : {}) };
}

/** Invalid input: one message per field, naming the field and the rule, in the user's language. */
export function invalidInput(issues: readonly z.core.$ZodIssue[], language: Language): AppError {
  const t = createTranslator(language);
  const described = describeIssues(issues, t);
  const first = described[0]?.message;
  return { code: 'invalid_input', message: first ?? t('error.invalid_input'), issues: described };
}

