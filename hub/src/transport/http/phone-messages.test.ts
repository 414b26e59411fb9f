import { describe, expect, it } from 'vitest';
import { PHONE_MESSAGES, phoneTranslator } from './phone-messages.ts';

/** The argument names of an ICU message (`{name}`, `{n, plural, …}`). */
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

describe('the phone pages’ one catalogue', () => {
  it('has every key in both languages, with the same placeholders and no empty text, and every message formats', () => {
    const en = PHONE_MESSAGES.en;
    const zh = PHONE_MESSAGES['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
      const params = Object.fromEntries(placeholders(en[key]).map((p) => [p!, 2]));
      expect(() => phoneTranslator('en')(key, params), key).not.toThrow();
      expect(() => phoneTranslator('zh-CN')(key, params), key).not.toThrow();
    }
  });

  it('fills placeholders and plurals, for the aftercare and the booking pages alike', () => {
    expect(phoneTranslator('en')('greeting', { name: 'Lina', salon: 'Glow' })).toBe('Hello Lina, thank you for visiting Glow.');
    expect(phoneTranslator('zh-CN')('followUpDay', { day: 3, date: 'x' })).toContain('第 3 天');
    expect(phoneTranslator('en')('phone.book.pick', { n: 1 })).toContain('for 1 minute while');
    expect(phoneTranslator('en')('phone.book.pick', { n: 5 })).toContain('for 5 minutes while');
  });
});
