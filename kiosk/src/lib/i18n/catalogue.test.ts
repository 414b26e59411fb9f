import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { createKioskTranslator } from './translate.ts';
import { zhCN } from './zh-CN.ts';

describe('kiosk message catalogues', () => {
  it('have the same keys in English and Chinese, and no empty message', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(en), ...Object.entries(zhCN)]) expect(value.trim(), key).not.toBe('');
  });

  it('format every message in both languages with the same placeholders', () => {
    const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
      const params = Object.fromEntries(placeholders(en[key]).map((p) => [p!, 2]));
      expect(() => createKioskTranslator('en')(key, params)).not.toThrow();
      expect(() => createKioskTranslator('zh-CN', zhCN)(key, params)).not.toThrow();
    }
  });

  it('formats plurals in the language on screen', () => {
    expect(createKioskTranslator('en')('kiosk.questions.missingCount', { n: 1 })).toBe('1 question still needs an answer.');
    expect(createKioskTranslator('en')('kiosk.questions.missingCount', { n: 3 })).toBe('3 questions still need an answer.');
    expect(createKioskTranslator('zh-CN', zhCN)('kiosk.questions.missingCount', { n: 3 })).toBe('还有 3 个问题需要回答。');
  });
});

describe('loading a language', () => {
  it('gives English until the Chinese catalogue has arrived, then Chinese', async () => {
    const { loadCatalogue } = await import('./translate.ts');
    expect(createKioskTranslator('zh-CN')('common.next')).toBe('Next');
    expect(createKioskTranslator('zh-CN', await loadCatalogue('zh-CN'))('common.next')).toBe('下一步');
  });
});
