import { ClientInputSchema, describeIssues, type FieldIssue, type Translate } from '@glow/shared';
import type { Details } from './client-details.ts';

/**
 * Validates what the client typed with the shared schema; returns the parsed input or localized issues.
 * Loaded on demand (see `loadValidation`): it brings zod, which the welcome screen does not need.
 */
export function validateDetails(
  details: Details,
  t: Translate,
): { ok: true; client: { firstName: string; lastName: string; phone: string } } | { ok: false; issues: FieldIssue[] } {
  const result = ClientInputSchema.safeParse(details);
  if (result.success) return { ok: true, client: result.data };
  return { ok: false, issues: describeIssues(result.error.issues, t) };
}

export type ValidateDetails = typeof validateDetails;
