import { salonDay } from '@glow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookPath, closedVisits, getPage, postForm, slotsIn } from '../support/booking-phone.ts';
import { connectStaff, newCommandId, startHub, type TestHub } from '../support/hub-harness.ts';

const TAKEN = { en: 'Sorry, that time has just been taken. Please pick another time.', 'zh-CN': '抱歉，这个时间刚刚被预约了，请选择其他时间。' };

describe('twenty phones race for five slots', () => {
  let t: TestHub;
  let phones: Array<{ path: string; clientId: string }>;

  beforeAll(async () => {
    t = await startHub();
    const desk = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    phones = await closedVisits(t, desk, 20, 'Racer');
  }, 60_000);
  afterAll(async () => {
    await t.stop();
  });

  it('exactly five bookings exist; every other phone is told, in its language, to pick again', async () => {
    const state = () => t.hub.core.engine.state;
    const today = salonDay(Date.now(), state().meta.floor.timeZone)!;
    // Five of Mei's free times that do not overlap one another (a facial is 60 minutes).
    const page = await getPage(t, bookPath(phones[0]!.path, { service: 'facial-classic', staff: 'mei', day: today }));
    const slots: number[] = [];
    for (const s of slotsIn(page.body)) if (slots.length < 5 && (slots.length === 0 || s >= slots[slots.length - 1]! + 75 * 60_000)) slots.push(s);
    expect(slots).toHaveLength(5);

    const race = await Promise.all(
      phones.map(async (phone, i) => {
        const lang = i % 2 === 0 ? 'en' : 'zh-CN';
        const startsAt = slots[i % 5]!;
        const res = await postForm(t, `${phone.path}/book/hold`, {
          commandId: newCommandId(),
          service: 'facial-classic',
          staff: 'mei',
          startsAt: String(startsAt),
          lang,
        });
        return { ...res, lang: lang as 'en' | 'zh-CN', startsAt, phone };
      }),
    );

    const winners = race.filter((r) => r.status === 303);
    const losers = race.filter((r) => r.status !== 303);
    expect(winners).toHaveLength(5);
    expect(new Set(winners.map((w) => w.startsAt))).toEqual(new Set(slots));
    expect(losers).toHaveLength(15);
    for (const l of losers) {
      expect(l.status).toBe(409);
      expect(l.body).toContain(TAKEN[l.lang]);
      expect(l.body).toContain(`lang="${l.lang}"`);
      // Told to pick again: the page offers other times, and never the one just taken.
      expect(slotsIn(l.body).length).toBeGreaterThan(0);
      expect(slotsIn(l.body)).not.toContain(l.startsAt);
    }

    const confirmed = await Promise.all(
      winners.map((w) => postForm(t, w.location!.split('?')[0]!, { commandId: newCommandId(), lang: w.lang })),
    );
    expect(confirmed.map((c) => c.status)).toEqual([303, 303, 303, 303, 303]);
    for (const c of confirmed) expect(c.location).toMatch(/^\/b\/[A-Za-z0-9_-]{43}\?/);

    const bookings = Object.values(state().bookings);
    expect(bookings.filter((b) => b.state === 'booked')).toHaveLength(5);
    expect(bookings.filter((b) => b.state !== 'booked')).toHaveLength(0);
    expect(new Set(bookings.map((b) => b.startsAt))).toEqual(new Set(slots));
    expect(new Set(bookings.map((b) => b.staffId))).toEqual(new Set(['mei']));
    expect(new Set(bookings.map((b) => b.clientId))).toEqual(new Set(winners.map((w) => w.phone.clientId)));

    // A loser who tries the same time again is refused again: the slot stays with its winner.
    const again = losers[0]!;
    const retry = await postForm(t, `${again.phone.path}/book/hold`, {
      commandId: newCommandId(),
      service: 'facial-classic',
      staff: 'mei',
      startsAt: String(again.startsAt),
      lang: again.lang,
    });
    expect(retry.status).toBe(409);
    expect(Object.values(state().bookings)).toHaveLength(5);
  }, 30_000);
});
