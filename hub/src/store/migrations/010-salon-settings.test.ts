import { describe, expect, it } from 'vitest';
import { DEFAULT_AFTERCARE_SETTINGS, DEFAULT_BOOKING_SETTINGS } from '@glow/shared';
import { salonSettings } from './010-salon-settings.ts';

describe('migration 10: salon settings and catalogue lists old data lacked', () => {
  it('completes a whole meta with the incident list and the settings a salon was read with then', () => {
    const out = salonSettings.up({ meta: { sessionKey: 'k'.repeat(32), ticket: { day: '2026-01-01', last: 0 } } });
    expect(out['meta']).toEqual({
      sessionKey: 'k'.repeat(32),
      ticket: { day: '2026-01-01', last: 0 },
      incidents: {},
      booking: DEFAULT_BOOKING_SETTINGS,
      aftercare: DEFAULT_AFTERCARE_SETTINGS,
    });
  });

  it("keeps the salon's own settings, and never adds fields to a journal line's meta (only the fields it replaced)", () => {
    const own = { sessionKey: 'k'.repeat(32), incidents: {}, booking: { ...DEFAULT_BOOKING_SETTINGS, horizonDays: 14 }, aftercare: DEFAULT_AFTERCARE_SETTINGS };
    const whole = { meta: own };
    expect(salonSettings.up(whole)).toBe(whole);
    const line = { meta: { ticket: { day: '2026-01-01', last: 3 } }, visits: {} };
    expect(salonSettings.up(line)).toBe(line);
  });

  it('gives data holding the services empty catalogue lists, keeping the lists that are there', () => {
    expect(salonSettings.up({ services: {}, categories: { facial: { id: 'facial' } } })).toEqual({
      services: {},
      categories: { facial: { id: 'facial' } },
      skills: {},
      equipment: {},
      products: {},
    });
    const other = { clients: {} };
    expect(salonSettings.up(other)).toBe(other);
  });
});
