import type { ErrorCode } from '../contracts/errors.ts';
import type { MessageParams } from '../i18n/translate.ts';

/**
 * A decision's "no", before it is put into the user's language (the hub's services/app-error.ts does that): an error
 * code, a domain reason (its message is `reason.<reason>` in the catalogues) and field-level issues.
 */
export type Refusal = { code: ErrorCode; reason?: string; params?: MessageParams; issues?: RefusalIssue[] };
/** A field-level problem a decision found (e.g. one consultation answer): `rule.<rule>` with its params. */
export type RefusalIssue = { field: string; rule: string; params?: MessageParams };

export const refuse = (code: ErrorCode, reason?: string, params?: MessageParams, issues?: RefusalIssue[]): Refusal =>
  issues ? { code, reason, params, issues } : { code, reason, params };

export const isRefusal = (x: unknown): x is Refusal =>
  typeof x === 'object' && x !== null && 'code' in x && !('ok' in x);
