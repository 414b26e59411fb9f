import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ClientInputSchema } from '../schemas/client.schema.ts';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';
import { createTranslator } from './translate.ts';
import { describeIssues } from './describe-issues.ts';

describe('message catalogues', () => {
  it('have the same keys in English and Chinese, and no empty message', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(en), ...Object.entries(zhCN)]) expect(value.trim(), key).not.toBe('');
  });

  it('every message formats in both languages with the same placeholders', () => {
    const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
      const params = Object.fromEntries(placeholders(en[key]).map((p) => [p!, 2]));
      expect(() => createTranslator('en')(key, params)).not.toThrow();
      expect(() => createTranslator('zh-CN')(key, params)).not.toThrow();
    }
  });

  it('formats plurals', () => {
    expect(createTranslator('en')('common.minutes', { n: 1 })).toBe('1 minute');
    expect(createTranslator('en')('common.minutes', { n: 5 })).toBe('5 minutes');
    expect(createTranslator('zh-CN')('common.minutes', { n: 5 })).toBe('5 分钟');
  });
});

describe('describeIssues', () => {
  it('names the field and the rule in the person’s language', () => {
    const result = ClientInputSchema.safeParse({ firstName: '  ', phone: 'abc' });
    expect(result.success).toBe(false);
    const issues = describeIssues(result.error!.issues, createTranslator('en'));
    expect(issues).toEqual(
      expect.arrayContaining([
        { field: 'firstName', rule: 'required', message: 'First name is required.' },
        expect.objectContaining({ field: 'phone', rule: 'phone_format' }),
      ]),
    );
    const zh = describeIssues(result.error!.issues, createTranslator('zh-CN'));
    expect(zh.find((i) => i.field === 'firstName')?.message).toBe('请填写名字。');
  });

  it('falls back to the generic rule for zod’s own codes', () => {
    const result = z.object({ serviceId: z.string() }).safeParse({ serviceId: 5 });
    expect(describeIssues(result.error!.issues, createTranslator('en'))[0]).toMatchObject({
      field: 'serviceId',
      rule: 'invalid_type',
      message: 'Service is missing or has the wrong type.',
    });
  });
});
