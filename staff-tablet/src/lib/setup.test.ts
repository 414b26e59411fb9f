import { createTranslator } from '@glow/shared';
import { describe, expect, it } from 'vitest';
import { newDraft, setupInput, stepErrors, stepOfField } from './setup.ts';

const en = createTranslator('en');
const zh = createTranslator('zh-CN');

describe('the set-up wizard’s steps', () => {
  const draft = () => ({ ...newDraft('en', 'Owner tablet'), name: 'Rose', ownerName: 'Lily', timeZone: 'Asia/Shanghai' });

  it('lets a complete draft through every step, and builds what the hub takes', () => {
    for (const step of ['salon', 'languages', 'region', 'hours', 'owner', 'review'] as const) {
      expect(stepErrors(step, draft(), en, { pin: '2468', pinAgain: '2468' })).toEqual({});
    }
    const input = setupInput(draft(), '12345 67890', { pin: '2468', pinAgain: '2468' });
    expect(input.openingHours[0]).toBeNull();
    expect(input.salon.timeZone).toBe('Asia/Shanghai');
  });

  it('names each step’s own bad input only, in the owner’s language', () => {
    const bad = { ...draft(), name: ' ', languages: [], timeZone: 'Mars/Base', hours: draft().hours.map((d, i) => (i === 2 ? { open: true, start: '20:00', end: '08:00' } : d)) };
    expect(stepErrors('salon', bad, en)).toEqual({ 'salon.name': 'Name is required.' });
    expect(stepErrors('languages', bad, zh)['salon.languages']).toBe('请至少选择一种语言，每种只选一次。');
    expect(stepErrors('region', bad, en)).toEqual({ 'salon.timeZone': expect.stringContaining('time zone is not one this hub knows') });
    expect(stepErrors('hours', bad, en)).toEqual({ 'openingHours.2.end': 'Closing time must be later than opening time.' });
    expect(stepErrors('owner', bad, en, { pin: '12', pinAgain: '12' })).toEqual({ 'owner.pin': 'PIN must be 4 to 8 digits.' });
    expect(stepErrors('owner', bad, en, { pin: '1234', pinAgain: '1235' })).toEqual({ 'owner.pinAgain': 'The two PINs are not the same. Type the new PIN twice.' });
    const closed = { ...draft(), hours: draft().hours.map(() => ({ open: false, start: '10:00', end: '20:00' })) };
    expect(stepErrors('hours', closed, en)).toEqual({ openingHours: 'The salon must be open on at least one day of the week.' });
  });

  it('sends the hub’s refusals back to the step of their field', () => {
    expect(['code', 'salon.name', 'salon.defaultLanguage', 'salon.currency', 'openingHours.3.end', 'salon.closedDates.0', 'owner.pinAgain', 'deviceName'].map(stepOfField)).toEqual(
      ['code', 'salon', 'languages', 'region', 'hours', 'hours', 'owner', 'review'],
    );
  });
});
