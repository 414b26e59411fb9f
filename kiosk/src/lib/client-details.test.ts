import { describe, expect, it } from 'vitest';
import { displayName, formField, localizeIssue, pressKey } from './client-details.ts';
import { createKioskTranslator as createTranslator } from './i18n/translate.ts';
import { zhCN } from './i18n/zh-CN.ts';

describe('pressKey', () => {
  it('appends digits, deletes, and allows + only at the start', () => {
    expect(pressKey('', '1')).toBe('1');
    expect(pressKey('12', 'delete')).toBe('1');
    expect(pressKey('', 'delete')).toBe('');
    expect(pressKey('', '+')).toBe('+');
    expect(pressKey('1', '+')).toBe('1');
    expect(pressKey('12', 'x')).toBe('12');
  });

  it('stops at the most digits a phone number has (the shared rule: 15), with or without a +', () => {
    expect(pressKey('1'.repeat(15), '2')).toBe('1'.repeat(15));
    expect(pressKey('+' + '1'.repeat(15), '2')).toBe('+' + '1'.repeat(15));
    expect(pressKey('1'.repeat(15), 'delete')).toBe('1'.repeat(14));
  });
});

describe('displayName', () => {
  it('writes a Chinese name family name first, other names first name first', () => {
    expect(displayName({ firstName: '美', lastName: '林' })).toBe('林美');
    expect(displayName({ firstName: 'Mei', lastName: 'Lin' })).toBe('Mei Lin');
    expect(displayName({ firstName: ' Mei ', lastName: '' })).toBe('Mei');
  });
});

describe('issues from the hub', () => {
  const issue = { field: 'client.phone', rule: 'phone_format', message: 'hub words' };

  it('maps a command path to the form field', () => {
    expect(formField(issue)).toBe('phone');
    expect(formField({ ...issue, field: 'serviceId' })).toBe('serviceId');
  });

  it('re-words known rules in the language on screen and keeps the hub’s words otherwise', () => {
    expect(localizeIssue(issue, createTranslator('zh-CN', zhCN))).toContain('手机号码');
    expect(localizeIssue({ ...issue, rule: 'something_new' }, createTranslator('en'))).toBe('hub words');
  });
});
