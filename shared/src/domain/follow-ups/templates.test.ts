import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SETTINGS, FollowUpSettingsSchema, type FollowUpSettings } from '../../schemas/follow-up-settings.schema.ts';
import { followUpSettingsProblem, renderTemplate, RULE_PLACEHOLDERS, templateProblem } from './templates.ts';

describe("the salon's wordings", () => {
  it('fills the placeholders a rule knows', () => {
    expect(renderTemplate('Dear {name}, {salon} wishes you a happy {holiday}!', { name: 'Mei', salon: 'Glow', holiday: 'Mid-Autumn Festival' })).toBe(
      'Dear Mei, Glow wishes you a happy Mid-Autumn Festival!',
    );
    expect(templateProblem('{name}您好，{salon}祝您{holiday}快乐！', RULE_PLACEHOLDERS.holiday)).toBeNull();
  });

  it('refuses a placeholder the rule does not fill, naming it and the ones allowed', () => {
    expect(templateProblem('Hi {nmae}', RULE_PLACEHOLDERS.day1)).toEqual({
      reason: 'template_unknown_placeholder',
      placeholder: 'nmae',
      allowed: '{name} {salon} {service} {date}',
    });
    // {offer} is the birthday's only.
    expect(templateProblem('{offer}', RULE_PLACEHOLDERS.day7)?.reason).toBe('template_unknown_placeholder');
  });

  it('refuses a brace left open and anything but plain placeholders (plural, select)', () => {
    expect(templateProblem('Hi {name', RULE_PLACEHOLDERS.day1)?.reason).toBe('template_syntax');
    expect(templateProblem('{name, plural, one {x} other {y}}', RULE_PLACEHOLDERS.day1)).toEqual({ reason: 'template_not_plain', placeholder: 'name' });
  });

  it('checks every wording of the settings and says where the problem is; the defaults pass', () => {
    expect(followUpSettingsProblem(DEFAULT_FOLLOW_UP_SETTINGS)).toBeNull();
    const bad: FollowUpSettings = {
      ...DEFAULT_FOLLOW_UP_SETTINGS,
      rules: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules, birthday: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules.birthday, wording: { en: 'Happy birthday {name}', 'zh-CN': '{姓名}生日快乐' } } },
    };
    expect(followUpSettingsProblem(bad)).toMatchObject({ reason: 'template_unknown_placeholder', placeholder: '姓名', path: 'rules.birthday.wording.zh-CN' });
    const seasonal: FollowUpSettings = { ...DEFAULT_FOLLOW_UP_SETTINGS, seasonal: [{ id: 's1', day: '03-01', wording: { en: '{text}', 'zh-CN': '' } }] };
    expect(followUpSettingsProblem(seasonal)).toMatchObject({ placeholder: 'text', path: 'seasonal.0.wording.en' });
  });

  it('the schema refuses impossible days and settings that do not add up', () => {
    const base = FollowUpSettingsSchema.parse(DEFAULT_FOLLOW_UP_SETTINGS);
    const withDay = (day: string) => FollowUpSettingsSchema.safeParse({ ...base, seasonal: [{ id: 's1', day, wording: { en: 'x', 'zh-CN': 'x' } }] }).success;
    expect(withDay('10-08')).toBe(true);
    expect(withDay('13-01')).toBe(false);
    expect(withDay('02-30')).toBe(false);
    expect(withDay('04-31')).toBe(false);
    expect(withDay('02-29')).toBe(false);
    expect(FollowUpSettingsSchema.safeParse({ ...base, classes: { ...base.classes, lapsedFactor: 1 } }).success).toBe(false);
  });
});
