import type { z } from 'zod';
import {
  createTranslator,
  describeIssues,
  isMessageKey,
  type AppError,
  type ErrorCode,
  type Language,
  type MessageKey,
  type MessageParams,
} from '@glow/shared';

/** A refusal decided by a service, before it is put into the user's language. */
export type Refusal = { code: ErrorCode; reason?: string; params?: MessageParams; issues?: RefusalIssue[] };
/** A field-level problem a decision found (e.g. one consultation answer): `rule.<rule>` with its params. */
export type RefusalIssue = { field: string; rule: string; params?: MessageParams };

export const refuse = (code: ErrorCode, reason?: string, params?: MessageParams, issues?: RefusalIssue[]): Refusal =>
  issues ? { code, reason, params, issues } : { code, reason, params };

export const isRefusal = (x: unknown): x is Refusal =>
  typeof x === 'object' && x !== null && 'code' in x && !('ok' in x);

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

