import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_RULES } from '../schemas/follow-up.schema.ts';
import { followUpScript, scriptStepKeys } from './follow-up-script.ts';
import { createTranslator } from './translate.ts';

const params = { client: 'Lina', me: 'Anna', salon: 'Glow Studio', service: 'Hydrating facial', product: 'Night cream' };

describe('follow-up call scripts', () => {
  it('exist for every rule, with 3 to 5 steps, in both languages', () => {
    for (const rule of FOLLOW_UP_RULES) {
      const steps = scriptStepKeys(rule);
      expect(steps.length, rule).toBeGreaterThanOrEqual(3);
      expect(steps.length, rule).toBeLessThanOrEqual(5);
      for (const lang of ['en', 'zh-CN'] as const) {
        const script = followUpScript(createTranslator(lang), rule, params);
        expect(script.title, rule).not.toMatch(/followUp\.script/);
        expect(script.steps.every((s) => s.length >= 6), rule).toBe(true);
      }
    }
  });

  it('open by asking whether now is a good time, in the staff member’s language', () => {
    const en = followUpScript(createTranslator('en'), 'day1', params);
    expect(en.open).toBe('Hello Lina, this is Anna from Glow Studio. Is now a good time for a few minutes?');
    expect(en.steps[0]).toContain('Hydrating facial');
    expect(en.minutes).toMatch(/3–5 minutes/);
    const zh = followUpScript(createTranslator('zh-CN'), 'day7', params);
    expect(zh.open).toBe('Lina您好，我是Glow Studio的Anna，打扰您了。现在方便说几分钟吗？');
    expect(zh.steps.some((s) => s.includes('转介绍'))).toBe(true);
    expect(followUpScript(createTranslator('en'), 'product_treatment', params).steps[0]).toContain('Night cream');
  });
});
