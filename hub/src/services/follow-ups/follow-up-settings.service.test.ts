import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SETTINGS, FollowUpSettingsInputSchema, type FollowUpSettings } from '@glow/shared';
import { toAppError } from '../app-error.ts';
import { decideFollowUpSettings } from './follow-up-settings.service.ts';

const withWording = (en: string, zh: string): FollowUpSettings => ({
  ...DEFAULT_FOLLOW_UP_SETTINGS,
  rules: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules, day7: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules.day7, wording: { en, 'zh-CN': zh } } },
});

describe('followUps:saveSettings', () => {
  it('saves valid settings whole into meta', () => {
    const settings = withWording('Day 7: book the next {service} for {name}.', '第7天：为{name}预约下次{service}。');
    expect(decideFollowUpSettings(settings)).toEqual({ changes: { meta: { followUps: settings } }, result: {} });
  });

  it('refuses an unknown placeholder naming it, the allowed ones and the field, in both languages; nothing saved', () => {
    const refusal = decideFollowUpSettings(withWording('Hi {name}', '{客户}您好'));
    expect(refusal).toMatchObject({ code: 'invalid_input', reason: 'template_unknown_placeholder', issues: [{ field: 'settings.rules.day7.wording.zh-CN' }] });
    expect('changes' in refusal).toBe(false);
    const en = toAppError(refusal as never, 'en');
    expect(en.message).toBe('{客户} is not a placeholder this wording can use. You can use: {name} {salon} {service} {date}.');
    expect(toAppError(refusal as never, 'zh-CN').message).toBe('{客户} 不是此文案可用的占位符。可用：{name} {salon} {service} {date}。');
  });

  it('refuses a brace left open', () => {
    expect(decideFollowUpSettings(withWording('Hi {name', 'x'))).toMatchObject({ reason: 'template_syntax' });
  });

  it('the input schema refuses impossible days and unknown fields before any decision', () => {
    const input = (settings: unknown) => FollowUpSettingsInputSchema.safeParse({ commandId: 'cmd-12345678', settings }).success;
    expect(input(DEFAULT_FOLLOW_UP_SETTINGS)).toBe(true);
    expect(input({ ...DEFAULT_FOLLOW_UP_SETTINGS, rules: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules, day1: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules.day1, days: -1 } } })).toBe(false);
    expect(input({ ...DEFAULT_FOLLOW_UP_SETTINGS, holidays: ['christmas'] })).toBe(false);
    expect(input({ ...DEFAULT_FOLLOW_UP_SETTINGS, seasonal: [{ id: 's1', day: '02-30', wording: { en: 'x', 'zh-CN': 'x' } }] })).toBe(false);
  });
});
