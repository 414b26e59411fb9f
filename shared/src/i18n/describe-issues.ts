import type { z } from 'zod';
import type { FieldIssue } from '../contracts/errors.ts';
import { isMessageKey, type Translate } from './translate.ts';

/**
 * Turns zod issues into messages a person can act on, in their language: the field's name and the rule it broke.
 * Schemas name their rules (`'phone_format'`, `'too_long'`) as the issue message; zod's own codes are the fallback.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], t: Translate): FieldIssue[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.') || 'input';
    const rule = ruleOf(issue);
    const last = String(issue.path.at(-1) ?? 'input');
    const fieldKey = `field.${last}`;
    const fieldLabel = isMessageKey(fieldKey) ? t(fieldKey) : last;
    const ruleKey = `rule.${rule}`;
    const message = t(isMessageKey(ruleKey) ? ruleKey : 'rule.invalid', { field: fieldLabel });
    return { field, rule, message };
  });
}

function ruleOf(issue: z.core.$ZodIssue): string {
  if (isMessageKey(`rule.${issue.message}`)) return issue.message;
  if (issue.code === 'too_big') return 'too_long';
  if (issue.code === 'too_small') return 'required';
  if (issue.code === 'invalid_type') return 'invalid_type';
  if (issue.code === 'unrecognized_keys') return 'unrecognized_keys';
  return 'invalid';
}
