import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomToken } from '../../../hub/src/security/secrets.ts';
import { bookingLinkRoutes } from '../../../hub/src/transport/http/booking-link.routes.ts';
import { book, bookPath, closedVisits, getPage, slotsIn } from '../../support/booking-phone.ts';
import { connectStaff, newCommandId, startHub, type TestHub } from '../../support/hub-harness.ts';
import { getRoute, postJson, postRoute } from '../../support/route-request.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * booking-link.routes.ts (a booking's own link, `/b/<token>`) in-process: the guards and bad input of the cancel and
 * move forms, each a page in the client's language that changes nothing, and a retried cancellation acting once.
 */
describe('booking-link.routes.ts', () => {
  let t: TestHub;
  let app: Hono;
  let token: string;
  let slots: number[];
  const now = Date.now();
  const booking = () => Object.values(t.hub.core.engine.state.bookings)[0]!;

  beforeAll(async () => {
    t = await startHub({ clock: () => now });
    const desk = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    const [phone] = await closedVisits(t, desk, 1, 'Link');
    slots = slotsIn((await getPage(t, bookPath(phone!.path, { service: 'facial-classic', staff: 'any' }))).body);
    const bookingPath = await book(t, phone!.path, { service: 'facial-classic', staff: 'any', startsAt: slots.at(-1)! });
    token = `/${bookingPath.split('/')[2]}`;
    app = bookingLinkRoutes(t.hub.core);
  }, 30_000);
  afterAll(async () => {
    await t.stop();
  });

  it('shows the booking and its check-in code; a tampered token gets the one 404 page', async () => {
    const page = await getRoute(app, token, { 'accept-language': 'en' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Your booking');
    expect(page.body).toMatch(/<svg[^>]*viewBox/);
    const tampered = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const path of [tampered, `/${randomToken()}/cancel`, `/${randomToken()}/move`]) expect((await getRoute(app, path)).status, path).toBe(404);
    expect((await postRoute(app, `${tampered}/cancel`, { commandId: newCommandId() })).status).toBe(404);
  });

  it('refuses a cancellation from another site, without a commandId, as JSON, or oversized — the booking stays', async () => {
    const foreign = await postRoute(app, `${token}/cancel`, { commandId: newCommandId() }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const noCommand = await postRoute(app, `${token}/cancel`, { lang: 'zh-CN' });
    expect(noCommand.status).toBe(400);
    expect(noCommand.body).toContain('lang="zh-CN"');
    expect((await postJson(app, `${token}/cancel`, { commandId: newCommandId() })).status).toBe(415);
    const big = await postRoute(app, `${token}/cancel`, { commandId: newCommandId(), junk: 'x'.repeat(9000) });
    expect(big.status).toBe(413);
    expect(big.headers.get('connection')).toBe('close');
    expect(booking().state).toBe('booked');
  });

  it('refuses a move to a time that is not a number, over-long, or past, on the move page', async () => {
    const notANumber = await postRoute(app, `${token}/move`, { commandId: newCommandId(), startsAt: 'soon' });
    expect(notANumber.status).toBe(400);
    const longTime = await postRoute(app, `${token}/move`, { commandId: newCommandId(), startsAt: '9'.repeat(40) });
    expect(longTime.status).toBe(400);
    const past = await postRoute(app, `${token}/move`, { commandId: newCommandId(), startsAt: String(now - DAY), lang: 'en' });
    expect(past.status).toBe(409);
    expect(past.body).toContain('That time has already passed');
    expect(booking().startsAt).toBe(slots.at(-1));
  });

  it('a cancellation sent twice cancels once and answers the same', async () => {
    const form = { commandId: newCommandId(), lang: 'en' };
    const first = await postRoute(app, `${token}/cancel`, form);
    const again = await postRoute(app, `${token}/cancel`, form);
    expect(first.status).toBe(303);
    expect(again.location).toBe(first.location);
    expect(booking().state).toBe('cancelled');
    expect((await getRoute(app, first.location!.replace(/^\/b/, ''))).body).toContain('Your booking has been cancelled.');
  });
});
