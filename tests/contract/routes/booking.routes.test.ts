import { salonDay } from '@glow/shared';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomToken } from '../../../hub/src/security/secrets.ts';
import { rebookRoutes } from '../../../hub/src/transport/http/booking.routes.ts';
import { closedVisits, slotsIn } from '../../support/booking-phone.ts';
import { connectStaff, newCommandId, startHub, type TestHub } from '../../support/hub-harness.ts';
import { getRoute, postJson, postRoute } from '../../support/route-request.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * booking.routes.ts (rebooking from the aftercare link) in-process: the guards and bad input of the hold and confirm
 * forms, each a page in the client's language that changes nothing, and a retried form acting once.
 */
describe('booking.routes.ts', () => {
  let t: TestHub;
  let app: Hono;
  let link: string;
  const now = Date.now();
  const bookings = () => Object.keys(t.hub.core.engine.state.bookings).length;
  const tomorrow = () => salonDay(now + DAY, t.hub.core.engine.state.meta.floor.timeZone)!;
  const freeSlots = async () => slotsIn((await getRoute(app, `${link}/book?service=facial-classic&staff=any&day=${tomorrow()}`)).body);
  const hold = (startsAt: number, extra: Record<string, string> = {}) => ({
    commandId: newCommandId(),
    service: 'facial-classic',
    staff: 'any',
    startsAt: String(startsAt),
    lang: 'en',
    ...extra,
  });

  beforeAll(async () => {
    t = await startHub({ clock: () => now });
    const desk = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    const [phone] = await closedVisits(t, desk, 1, 'Route');
    link = `/${phone!.path.split('/')[2]}`;
    app = rebookRoutes(t.hub.core);
  }, 30_000);
  afterAll(async () => {
    await t.stop();
  });

  it('shows the book page; a wrong token gets the one 404 page, on pages and forms alike', async () => {
    const page = await getRoute(app, `${link}/book`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Book your next visit');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await getRoute(app, `/${randomToken()}/book`)).status).toBe(404);
    const [slot] = await freeSlots();
    const post = await postRoute(app, `/${randomToken()}/book/hold`, hold(slot!));
    expect(post.status).toBe(404);
    expect(post.body).toContain('Link not available');
  });

  it('refuses a hold from another site, an over-long or malformed field, a body that is no form, and an oversized one', async () => {
    const [slot] = await freeSlots();
    const before = bookings();
    const foreign = await postRoute(app, `${link}/book/hold`, hold(slot!), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('This form must be sent from the salon’s own page.');
    const crossSite = await postRoute(app, `${link}/book/hold`, hold(slot!), { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);

    const longService = await postRoute(app, `${link}/book/hold`, hold(slot!, { service: 's'.repeat(200) }));
    expect(longService.status).toBe(400);
    expect(longService.body).toContain('role="alert"');
    const notANumber = await postRoute(app, `${link}/book/hold`, hold(slot!, { startsAt: 'tomorrow', lang: 'zh-CN' }));
    expect(notANumber.status).toBe(400);
    expect(notANumber.body).toContain('lang="zh-CN"');
    const json = await postJson(app, `${link}/book/hold`, hold(slot!));
    expect(json.status).toBe(415);
    const big = await postRoute(app, `${link}/book/hold?lang=zh-CN`, hold(slot!, { junk: 'x'.repeat(9000) }));
    expect(big.status).toBe(413);
    expect(big.body).toContain('内容过大，无法发送。');
    expect(big.headers.get('cache-control')).toBe('no-store');
    expect(bookings()).toBe(before);
  });

  it('a hold sent twice holds once and answers the same; the confirmation too; an unknown booking is a 404', async () => {
    const [slot] = await freeSlots();
    const before = bookings();
    const form = hold(slot!);
    const first = await postRoute(app, `${link}/book/hold`, form);
    const again = await postRoute(app, `${link}/book/hold`, form);
    expect(first.status).toBe(303);
    expect(again.location).toBe(first.location);
    expect(bookings()).toBe(before + 1);

    const confirmPath = first.location!.split('?')[0]!.replace(/^\/a/, '');
    expect((await postRoute(app, confirmPath.replace(/[^/]+$/, 'no-such-booking'), { commandId: newCommandId() })).status).toBe(404);
    expect((await postRoute(app, confirmPath, { commandId: 'x' })).status).toBe(400);
    const confirm = { commandId: newCommandId(), lang: 'en' };
    const done = await postRoute(app, confirmPath, confirm);
    const doneAgain = await postRoute(app, confirmPath, confirm);
    expect(done.status).toBe(303);
    expect(done.location).toMatch(/^\/b\/[^/?]+\?lang=en&done=confirmed$/);
    expect(doneAgain.location).toBe(done.location);
  });
});
