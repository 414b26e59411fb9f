import { salonDay } from '@glow/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { book, bookPath, closedVisits, getPage, postForm, slotsIn } from '../support/booking-phone.ts';
import { connectStaff, newCommandId, startHub, type TestHub } from '../support/hub-harness.ts';

const DAY = 24 * 3_600_000;

/**
 * After booking from the aftercare page (#11): the page lists the booking and leads to it, the browser's Back to the
 * confirmed hold leads to the booking rather than a dead end, and a second booking the same day is refused with a
 * message that says what to do (the salon's rule: one booking a day from the phone).
 */
describe('booking from the aftercare page', () => {
  let t: TestHub;
  let aftercare: string;
  let day1: string;
  let booked: string;
  let held: string;
  const now = Date.now();

  beforeAll(async () => {
    t = await startHub({ clock: () => now });
    const desk = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    [{ path: aftercare }] = (await closedVisits(t, desk, 1, 'Ana')) as unknown as [{ path: string }];
    day1 = salonDay(now + DAY, t.hub.core.engine.state.meta.floor.timeZone)!;
    const [first] = slotsIn((await getPage(t, bookPath(aftercare, { service: 'facial-classic', staff: 'any', day: day1 }))).body);
    // Hold and confirm by hand, keeping the hold page's address (where Back leads).
    const hold = await postForm(t, `${aftercare}/book/hold`, { commandId: newCommandId(), service: 'facial-classic', staff: 'any', startsAt: String(first), lang: 'en' });
    held = hold.location!;
    const confirmed = await postForm(t, held.split('?')[0]!, { commandId: newCommandId(), lang: 'en' });
    booked = confirmed.location!.split('?')[0]!;
  }, 30_000);
  afterAll(() => t.stop());

  it('lists the booking on the aftercare page, with a link to it, in both languages', async () => {
    const en = await getPage(t, `${aftercare}?lang=en`);
    expect(en.body).toContain('Your next visits');
    expect(en.body).toContain(`href="${booked}?lang=en"`);
    const zh = await getPage(t, `${aftercare}?lang=zh-CN`);
    expect(zh.body).toContain('您的下次预约');
    expect(zh.body).toContain(`href="${booked}?lang=zh-CN"`);
  });

  it('answers Back to the confirmed hold with the booking, not a dead end', async () => {
    const back = await getPage(t, held);
    expect(back.status).toBe(303);
    expect(back.location).toBe(`${booked}?lang=en`);
    expect((await getPage(t, booked)).status).toBe(200);
  });

  it('refuses a second booking the same day, saying what to do, in the client’s language', async () => {
    const later = slotsIn((await getPage(t, bookPath(aftercare, { service: 'facial-classic', staff: 'any', day: day1 }))).body).at(-1)!;
    for (const [lang, words] of [['en', 'You already have a booking that day'], ['zh-CN', '您当天已有一个预约']] as const) {
      const second = await postForm(t, `${aftercare}/book/hold`, { commandId: newCommandId(), service: 'facial-classic', staff: 'any', startsAt: String(later), lang });
      expect(second.status).toBe(409);
      expect(second.body).toContain(words);
    }
    // Another day is fine.
    const day2 = salonDay(now + 2 * DAY, t.hub.core.engine.state.meta.floor.timeZone)!;
    const [other] = slotsIn((await getPage(t, bookPath(aftercare, { service: 'facial-classic', staff: 'any', day: day2 }))).body);
    await expect(book(t, aftercare, { service: 'facial-classic', staff: 'any', startsAt: other! })).resolves.toMatch(/^\/b\//);
  });
});
