import fc from 'fast-check';
import { salonDay } from '@glow/shared';
import { describe, expect, it } from 'vitest';
import { salonDayOf } from './salon-day-of.ts';

// Zones with whole-hour, half-hour and 45-minute offsets, DST changes at 02:00, at midnight, by half an hour.
const ZONES = ['Europe/London', 'Asia/Shanghai', 'America/New_York', 'Australia/Lord_Howe', 'America/St_Johns', 'Asia/Tehran', 'Asia/Kathmandu', 'America/Santiago', 'Pacific/Chatham', 'UTC'];
const FROM = Date.UTC(2015, 0, 1);
const TO = Date.UTC(2031, 0, 1);

describe('salonDayOf', () => {
  it('gives the salon date salonDay gives, for any instant in any of these zones', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: FROM, max: TO }), (zone, at) => {
        expect(salonDayOf(at, zone)).toBe(salonDay(at, zone));
      }),
      { numRuns: 5_000 },
    );
  });

  it('agrees minute by minute around the DST changes and local midnights of 2020 (Tehran changed at midnight)', () => {
    for (const zone of ['Asia/Tehran', 'Australia/Lord_Howe', 'America/St_Johns', 'Europe/London', 'America/Santiago']) {
      for (let at = Date.UTC(2020, 0, 1); at < Date.UTC(2021, 0, 1); at += 29 * 60_000 + 17_000) {
        if (salonDayOf(at, zone) !== salonDay(at, zone)) expect({ zone, at, day: salonDayOf(at, zone) }).toEqual({ zone, at, day: salonDay(at, zone) });
      }
    }
  });

  it('says nothing for a zone Intl does not know, as salonDay', () => {
    expect(salonDayOf(Date.UTC(2026, 0, 1), 'Mars/Olympus')).toBe(salonDay(Date.UTC(2026, 0, 1), 'Mars/Olympus'));
  });
});
