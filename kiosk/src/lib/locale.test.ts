import { describe, expect, it } from 'vitest';
import { Locale } from './locale.svelte.ts';

describe('Locale', () => {
  it('says the words are English until the chosen language’s catalogue has arrived, then that language', async () => {
    const locale = new Locale();
    locale.set('zh-CN');
    expect(locale.language).toBe('zh-CN');
    expect(locale.shown).toBe('en');
    expect(locale.t('common.next')).toBe('Next');
    await locale.load('zh-CN');
    expect(locale.shown).toBe('zh-CN');
    expect(locale.t('common.next')).toBe('下一步');
    locale.set('en');
    expect(locale.shown).toBe('en');
  });
});
