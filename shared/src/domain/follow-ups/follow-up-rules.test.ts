import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings } from '../../schemas/follow-up-settings.schema.ts';
import { decideBookingFollowUp, decideDailyFollowUps, decideSessionFollowUps, WIN_BACK_WINDOW_DAYS, type SweepClient } from './follow-up-rules.ts';
import { addDays } from './salon-dates.ts';

const settings: FollowUpSettings = {
  ...DEFAULT_FOLLOW_UP_SETTINGS,
  rules: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules, win_back: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules.win_back, enabled: true } },
  holidays: [],
};
const client = (over: Partial<SweepClient> = {}): SweepClient => ({
  id: 'c1',
  birthday: null,
  marketing: true,
  noCalls: false,
  history: { visitDays: ['2026-01-10'], spendLastYearMinor: null, serviceIntervalDays: 28 },
  lastVisit: { visitId: 'v1', serviceId: 'facial', day: '2026-01-10' },
  ...over,
});
const rulesOn = (day: string, c: SweepClient) => decideDailyFollowUps([c], day, settings).map((d) => `${d.rule}@${d.dueDate}`);
/** Only the birthday rules (the test client is also due a win-back in early spring). */
const birthdayOn = (day: string, c: SweepClient) => rulesOn(day, c).filter((r) => r.startsWith('birthday'));

describe('follow-up rules: edges and bad input', () => {
  it('refuses impossible days instead of guessing', () => {
    expect(() => decideDailyFollowUps([], '2026-02-30', settings)).toThrow(RangeError);
    expect(() =>
      decideSessionFollowUps({ visitId: 'v', clientId: 'c', serviceId: 's', staffId: null, day: '2026-13-01', firstVisit: false, products: [] }, settings),
    ).toThrow(RangeError);
  });

  it('a birthday that is not a date is skipped; 29 February is greeted on the 28th in other years', () => {
    expect(birthdayOn('2026-02-27', client({ birthday: '1990-02-30' }))).toEqual([]);
    const leap = client({ birthday: '2000-02-29' });
    expect(birthdayOn('2026-02-25', leap)).toEqual(['birthday_card@2026-02-25']);
    expect(birthdayOn('2026-02-28', leap)).toContain('birthday@2026-02-28');
    expect(birthdayOn('2028-02-29', { ...leap, lastVisit: null })).toContain('birthday@2028-02-29');
  });

  it('a missed day is made up within two days under its own key, and not later', () => {
    const c = client({ birthday: '1990-03-15' });
    expect(birthdayOn('2026-03-17', c)).toContain('birthday@2026-03-15');
    expect(birthdayOn('2026-03-18', c)).not.toContain('birthday@2026-03-15');
    // A card is no use after the birthday.
    expect(birthdayOn('2026-03-16', c).filter((r) => r.startsWith('birthday_card'))).toEqual([]);
  });

  it('the win-back comes when she is 14 days past her interval, within its window only, keyed by her last visit', () => {
    const from = addDays('2026-01-10', 28 + 14);
    expect(rulesOn(addDays(from, -1), client()).filter((r) => r.startsWith('win_back'))).toEqual([]);
    const due = decideDailyFollowUps([client()], from, settings).filter((d) => d.rule === 'win_back');
    expect(due.map((d) => d.dedupeKey)).toEqual(['win_back:c1:v1']);
    expect(rulesOn(addDays(from, WIN_BACK_WINDOW_DAYS), client()).filter((r) => r.startsWith('win_back'))).toEqual([]);
  });

  it('no marketing without her yes; no call task when she asked not to be called', () => {
    const c = client({ birthday: '1990-03-15' });
    expect(birthdayOn('2026-03-15', { ...c, marketing: false })).toEqual([]);
    // The card is a call; the birthday message still goes.
    expect(birthdayOn('2026-03-12', { ...c, noCalls: true })).toEqual([]);
    expect(birthdayOn('2026-03-15', { ...c, noCalls: true })).toEqual(['birthday@2026-03-15']);
  });

  it('the day-before message only with channel message, never for a booking today or past', () => {
    const booking = { bookingId: 'b1', clientId: 'c1', serviceId: 's', staffId: null, day: '2026-03-10' };
    expect(decideBookingFollowUp(booking, '2026-03-01', settings)).toBeNull();
    const byMessage: FollowUpSettings = { ...settings, rules: { ...settings.rules, booking_eve: { ...settings.rules.booking_eve, channel: 'message' } } };
    expect(decideBookingFollowUp(booking, '2026-03-01', byMessage)).toMatchObject({ dueDate: '2026-03-09', dedupeKey: 'booking_eve:b1' });
    expect(decideBookingFollowUp(booking, '2026-03-10', byMessage)).toBeNull();
  });
});
