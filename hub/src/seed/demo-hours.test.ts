import { describe, expect, it } from 'vitest';
import { demoSalon } from './salon-seed.ts';

/**
 * The demo's contact hours (printed on the aftercare sheet) and its booking hours (when a phone can book) are two
 * settings; they used to disagree (19:00 on the sheet, bookable until 20:00). In the demo they say the same.
 */
describe('the demo salon’s hours', () => {
  it('print on the aftercare sheet the hours clients can book, in both languages', async () => {
    const state = await demoSalon('en', 'Etc/UTC');
    const days = state.meta.booking!.openingHours;
    const hours = state.meta.aftercare!.contact.hours;
    for (const day of days) {
      expect(day).not.toBeNull();
      for (const text of [hours.en, hours['zh-CN']]) expect(text).toContain(`${day!.start}–${day!.end}`);
    }
  });
});
