import { describe, expect, it } from 'vitest';
import { formatDate, PHONE_MESSAGES, phoneTranslator } from './aftercare.messages.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the phone pages’ messages', () => {
  it('has every key in both languages, with the same placeholders and no empty text', () => {
    const en = PHONE_MESSAGES.en;
    const zh = PHONE_MESSAGES['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('fills placeholders and formats dates in the salon’s zone', () => {
    expect(phoneTranslator('en')('greeting', { name: 'Lina', salon: 'Glow' })).toBe('Hello Lina, thank you for visiting Glow.');
    expect(phoneTranslator('zh-CN')('followUpDay', { day: 3, date: 'x' })).toContain('第 3 天');
    // 23:30 UTC on 1 June is already 2 June in Shanghai.
    expect(formatDate(Date.UTC(2026, 5, 1, 23, 30), 'en', 'Asia/Shanghai')).toContain('2 June');
  });
});
