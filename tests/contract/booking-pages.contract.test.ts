import { salonDay, type StaffPatch } from '@glow/shared';
import type { Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomToken } from '../../hub/src/security/secrets.ts';
import { book, bookPath, closedVisits, getPage, postForm, slotsIn, tokenOf } from '../support/booking-phone.ts';
import { connectKiosk, connectStaff, expectOk, newCommandId, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('the booking pages', () => {
  let t: TestHub;
  let now: number;
  let desk: StaffSocket;
  let phones: Array<{ path: string; clientId: string; visitId: string }>;
  const state = () => t.hub.core.engine.state;
  const day = (offset: number) => salonDay(now + offset * DAY, state().meta.floor.timeZone)!;
  /** Free times of a service on a day, as a phone's page offers them. */
  const freeTimes = async (path: string, q: { service?: string; staff?: string; day: string }) =>
    slotsIn((await getPage(t, bookPath(path, { service: 'facial-classic', staff: 'any', ...q }))).body);
  const snapshot = () => JSON.stringify(state().bookings);

  beforeEach(async () => {
    now = Date.now();
    t = await startHub({ clock: () => now });
    desk = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    phones = await closedVisits(t, desk, 2, 'Phone');
  }, 30_000);
  afterEach(async () => {
    await t.stop();
  });

  it('books from the aftercare link: the page preselects the treatment just done and lists only free future times', async () => {
    const page = await getPage(t, `${phones[0]!.path}/book`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<option value="facial-classic" selected>');
    // The facial's course says "again in 4 weeks": that day is marked, and chosen when nothing else was.
    const recommended = salonDay(state().visits[phones[0]!.visitId]!.times.closed! + 28 * DAY, state().meta.floor.timeZone);
    expect(page.body).toMatch(new RegExp(`<option value="${recommended}" selected>[^<]*\\(recommended\\)</option>`));
    expect(page.body).toContain('Hello Phone0');
    expect(page.body).not.toContain('<script');
    const times = slotsIn(page.body);
    expect(times.length).toBeGreaterThan(0);
    for (const at of times) expect(at).toBeGreaterThan(now);
    const patches: StaffPatch[] = [];
    (desk as unknown as Socket).on('sync:patch', (p: StaffPatch) => patches.push(p));
    const link = await book(t, phones[0]!.path, { service: 'facial-classic', staff: 'any', startsAt: times[0]! });
    const booking = Object.values(state().bookings)[0]!;
    expect(booking).toMatchObject({ state: 'booked', startsAt: times[0], clientId: phones[0]!.clientId, source: 'phone', anyStaff: true });
    // Live on the board: the hold never shows; the confirmed booking does, with the client's first name and initial.
    await new Promise((r) => setTimeout(r, 100));
    const shown = patches.flatMap((p) => Object.values(p.set.bookings ?? {}));
    expect(shown).toEqual([expect.objectContaining({ id: booking.id, clientName: 'Phone0 T.', startsAt: times[0], state: 'booked' })]);
    // The link is stored only as its hash; the page shows the booking and a QR code for the kiosk.
    expect(JSON.stringify(state())).not.toContain(tokenOf(link));
    const manage = await getPage(t, `${link}?lang=zh-CN`);
    expect(manage.status).toBe(200);
    expect(manage.body).toContain('您的预约');
    expect(manage.body).toMatch(/<svg[^>]*viewBox/);
  });

  it('a retried form (same commandId) acts once and answers the same', async () => {
    const [first] = await freeTimes(phones[0]!.path, { day: day(1) });
    const form = { commandId: newCommandId(), service: 'facial-classic', staff: 'any', startsAt: String(first), lang: 'en' };
    const a = await postForm(t, `${phones[0]!.path}/book/hold`, form);
    const b = await postForm(t, `${phones[0]!.path}/book/hold`, form);
    expect(a.status).toBe(303);
    expect(b.location).toBe(a.location);
    expect(Object.keys(state().bookings)).toHaveLength(1);
  });

  it('refuses past and taken slots and malformed forms with a clear message, changing nothing', async () => {
    const [first] = await freeTimes(phones[0]!.path, { day: day(1) });
    const link = await book(t, phones[0]!.path, { service: 'facial-classic', staff: 'mei', startsAt: first! });
    const before = snapshot();
    const hold = (fields: Record<string, string>) =>
      postForm(t, `${phones[1]!.path}/book/hold`, { commandId: newCommandId(), service: 'facial-classic', staff: 'mei', lang: 'en', ...fields });

    const taken = await hold({ startsAt: String(first) });
    expect(taken.status).toBe(409);
    expect(taken.body).toContain('that time has just been taken');
    const past = await hold({ startsAt: String(now - HOUR) });
    expect(past.status).toBe(409);
    expect(past.body).toContain('That time has already passed');
    const pastZh = await hold({ startsAt: String(now - HOUR), lang: 'zh-CN' });
    expect(pastZh.body).toContain('这个时间已经过去');
    const offGrid = await hold({ startsAt: String(first! + 7 * 60_000 + DAY) });
    expect(offGrid.status).toBe(409);

    const notANumber = await hold({ startsAt: 'tomorrow at ten' });
    expect(notANumber.status).toBe(400);
    expect(notANumber.body).toMatch(/class="alert"/);
    const noCommand = await postForm(t, `${phones[1]!.path}/book/hold`, { service: 'facial-classic', staff: 'mei', startsAt: String(first) });
    expect(noCommand.status).toBe(400);
    const badService = await hold({ service: 'no-such-service', startsAt: String(first! + DAY) });
    expect(badService.status).toBe(400);
    expect(badService.body).toContain('That service is not offered.');
    const badStaff = await hold({ staff: 'grace', startsAt: String(first! + DAY) }); // front desk: no facial skill
    expect(badStaff.status).toBe(404);
    const tooBig = await postForm(t, `${phones[1]!.path}/book/hold`, { commandId: newCommandId(), filler: 'x'.repeat(20_000) });
    expect(tooBig.status).toBe(413);
    // The booking link's forms too.
    const badMove = await postForm(t, `${link}/move`, { commandId: newCommandId(), startsAt: 'soon', lang: 'zh-CN' });
    expect(badMove.status).toBe(400);
    expect(badMove.body).toMatch(/class="alert"/);
    expect(badMove.body).toContain('lang="zh-CN"');
    const badCancel = await postForm(t, `${link}/cancel`, { lang: 'en' });
    expect(badCancel.status).toBe(400);
    const garbled = await fetch(`${t.url}${link}/move`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      body: 'not a multipart body at all',
    });
    expect(garbled.status).toBe(400);
    expect(await garbled.text()).toMatch(/class="alert"/);
    const pastMove = await postForm(t, `${link}/move`, { commandId: newCommandId(), startsAt: String(now - HOUR), lang: 'en' });
    expect(pastMove.status).toBe(409);
    expect(pastMove.body).toContain('That time has already passed');
    expect(snapshot()).toBe(before);
  });

  it('refuses an oversized or cross-site form with a page in the client’s language that is never cached or referred', async () => {
    const [slot] = await freeTimes(phones[0]!.path, { day: day(1) });
    const link = await book(t, phones[0]!.path, { service: 'facial-classic', staff: 'any', startsAt: slot! });
    const before = snapshot();
    for (const path of [`${phones[1]!.path}/book/hold?lang=zh-CN`, `${link}/cancel?lang=zh-CN`]) {
      const res = await fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ commandId: newCommandId(), filler: 'x'.repeat(20_000) }).toString(),
      });
      expect(res.status).toBe(413);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      const body = await res.text();
      expect(body).toContain('lang="zh-CN"');
      expect(body).toContain('内容过大，无法发送。');
    }
    // Another site posting a form (Origin: null under its no-referrer policy) changes nothing, even with the token.
    const crossSite = await fetch(`${t.url}${link}/cancel`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'null', 'sec-fetch-site': 'cross-site' },
      body: new URLSearchParams({ commandId: newCommandId(), lang: 'en' }).toString(),
    });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers.get('cache-control')).toBe('no-store');
    expect(await crossSite.text()).toContain('This form must be sent from the salon’s own page.');
    expect(snapshot()).toBe(before);
  });

  it('after a refused form, the page’s language links still lead to a page (not to the form’s address)', async () => {
    const refusedHold = await postForm(t, `${phones[0]!.path}/book/hold`, {
      commandId: newCommandId(), service: 'facial-classic', staff: 'mei', startsAt: String(now - HOUR), lang: 'en',
    });
    expect(refusedHold.status).toBe(409);
    const [slot] = await freeTimes(phones[1]!.path, { day: day(1) });
    const link = await book(t, phones[1]!.path, { service: 'facial-classic', staff: 'any', startsAt: slot! });
    const refusedMove = await postForm(t, `${link}/move`, { commandId: newCommandId(), startsAt: 'soon', lang: 'en' });
    expect(refusedMove.status).toBe(400);
    for (const refused of [refusedHold, refusedMove]) {
      const href = /<a href="([^"]+)" lang="zh-CN"/.exec(refused.body)![1]!.replaceAll('&amp;', '&');
      const page = await getPage(t, href);
      expect(page.status, href).toBe(200);
      expect(page.body).toContain('lang="zh-CN"');
    }
    // The book page keeps the client's choices in the other language.
    const hrefHold = /<a href="([^"]+)" lang="zh-CN"/.exec(refusedHold.body)![1]!.replaceAll('&amp;', '&');
    expect(new URL(hrefHold, t.url).searchParams.get('staff')).toBe('mei');
  });

  it('a hold runs out: the slot is free for another phone, and the late confirmation is told to pick again', async () => {
    const [slot] = await freeTimes(phones[0]!.path, { staff: 'mei', day: day(1) });
    const held = await postForm(t, `${phones[0]!.path}/book/hold`, {
      commandId: newCommandId(), service: 'facial-classic', staff: 'mei', startsAt: String(slot), lang: 'en',
    });
    expect(held.status).toBe(303);
    const confirmPath = held.location!.split('?')[0]!;
    expect((await getPage(t, confirmPath)).body).toContain('We are holding this time for you until');
    // While held, nobody else is offered it.
    expect(await freeTimes(phones[1]!.path, { staff: 'mei', day: day(1) })).not.toContain(slot);

    now += (state().meta.booking.holdMinutes * 60 + 1) * 1000;
    expect(await freeTimes(phones[1]!.path, { staff: 'mei', day: day(1) })).toContain(slot);
    const expiredPage = await getPage(t, confirmPath);
    expect(expiredPage.status).toBe(409);
    expect(expiredPage.body).toContain('it has run out');
    expect(expiredPage.body).not.toContain('Confirm booking');

    const link = await book(t, phones[1]!.path, { service: 'facial-classic', staff: 'mei', startsAt: slot! });
    const late = await postForm(t, confirmPath, { commandId: newCommandId(), lang: 'zh-CN' });
    expect(late.status).toBe(409);
    expect(late.body).toContain('保留时间已过');
    const booked = Object.values(state().bookings).filter((b) => b.state === 'booked');
    expect(booked).toHaveLength(1);
    expect(booked[0]!.clientId).toBe(phones[1]!.clientId);
    expect(link).toMatch(/^\/b\//);
  });

  it('cancels and moves from the booking link until the cutoff; after it the page says to call the salon', async () => {
    const cutoff = state().meta.booking.changeCutoffHours;
    const times = await freeTimes(phones[0]!.path, { staff: 'mei', day: day(2) });
    const link = await book(t, phones[0]!.path, { service: 'facial-classic', staff: 'mei', startsAt: times[0]! });
    const id = Object.keys(state().bookings)[0]!;

    // Move: to a later free time that day; the old time is free again.
    const movePage = await getPage(t, `${link}/move?day=${day(2)}`);
    expect(movePage.status).toBe(200);
    const target = slotsIn(movePage.body).find((s) => s >= times[0]! + 2 * HOUR)!;
    const moved = await postForm(t, `${link}/move`, { commandId: newCommandId(), startsAt: String(target), lang: 'en' });
    expect(moved.status).toBe(303);
    expect(state().bookings[id]).toMatchObject({ state: 'booked', startsAt: target, staffId: 'mei' });
    expect(await freeTimes(phones[1]!.path, { staff: 'mei', day: day(2) })).toContain(times[0]);
    expect((await getPage(t, `${moved.location}`)).body).toContain('Your booking has been moved.');

    // Past the cutoff: no move or cancel on the page, and the forms are refused; nothing changes.
    now = target - (cutoff - 1) * HOUR;
    const page = await getPage(t, link);
    expect(page.body).toContain('can no longer be changed here. Please call the salon.');
    // The salon's number as a dialer takes it (no spaces in a tel: link).
    const salonPhone = state().meta.aftercare.contact.phone;
    expect(salonPhone).toMatch(/ /);
    expect(page.body).toContain(`href="tel:${salonPhone.replace(/[^\d+]/g, '')}"`);
    expect(page.body).not.toContain('Cancel booking');
    const before = snapshot();
    const cancel = await postForm(t, `${link}/cancel`, { commandId: newCommandId(), lang: 'zh-CN' });
    expect(cancel.status).toBe(409);
    expect(cancel.body).toContain('请致电门店');
    const laterTimes = await freeTimes(phones[1]!.path, { staff: 'mei', day: day(3) });
    const move = await postForm(t, `${link}/move`, { commandId: newCommandId(), startsAt: String(laterTimes[0]), lang: 'en' });
    expect(move.status).toBe(409);
    expect(snapshot()).toBe(before);

    // Before the cutoff, cancelling frees the slot at once.
    now = target - (cutoff + 1) * HOUR;
    expect((await getPage(t, `${link}/cancel`)).body).toContain('Yes, cancel it');
    const cancelled = await postForm(t, `${link}/cancel`, { commandId: newCommandId(), lang: 'en' });
    expect(cancelled.status).toBe(303);
    expect(state().bookings[id]).toMatchObject({ state: 'cancelled', cancelledAt: now });
    const after = await getPage(t, cancelled.location!);
    expect(after.body).toContain('Your booking has been cancelled.');
    expect(after.body).not.toMatch(/<svg/);
  });

  it('answers tampered, unknown, expired and aftercare tokens on /b/ exactly like an unknown one', async () => {
    const [slot] = await freeTimes(phones[0]!.path, { day: day(1) });
    const link = await book(t, phones[0]!.path, { service: 'facial-classic', staff: 'any', startsAt: slot! });
    const token = tokenOf(link);
    const tampered = `/b/${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const unknown = await getPage(t, `/b/${randomToken()}`, 'en');
    expect(unknown.status).toBe(404);
    for (const path of [tampered, `/b/${tokenOf(phones[0]!.path.replace('/a/', '/b/'))}`, '/b/short', `${tampered}/cancel`, `${tampered}/move`]) {
      const res = await getPage(t, path, 'en');
      expect(res.status, path).toBe(404);
      expect(res.body, path).toBe(unknown.body);
    }
    const post = await postForm(t, `${tampered}/cancel`, { commandId: newCommandId() });
    expect(post.status).toBe(404);
    expect(post.body).toBe(unknown.body);
    // Days after the appointment, the link expires and answers the same.
    now = slot! + (state().meta.booking.linkDaysAfter + 1) * DAY;
    const expired = await getPage(t, link, 'en');
    expect(expired.status).toBe(404);
    expect(expired.body).toBe(unknown.body);
    // An aftercare page's booking path with a bad token answers like the aftercare page's unknown link.
    expect((await getPage(t, `/a/${randomToken()}/book`, 'en')).status).toBe(404);
  });

  it('the kiosk checks a booked client in by the QR token; the front desk sees the booking and its reminder task', async () => {
    const frontDesk = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    const today = await freeTimes(phones[0]!.path, { day: day(0) });
    const tomorrow = await freeTimes(phones[1]!.path, { day: day(1) });
    const todayLink = await book(t, phones[0]!.path, { service: 'facial-classic', staff: 'any', startsAt: today[today.length - 1]! });
    const tomorrowLink = await book(t, phones[1]!.path, { service: 'facial-classic', staff: 'any', startsAt: tomorrow[0]! });

    const kiosk = await connectKiosk(t.url);
    const visitor = expectOk(await send(kiosk.socket, 'booking:confirmByToken', { token: tokenOf(todayLink) }));
    expect(visitor).toMatchObject({ known: true, firstName: 'Phone0', booking: { startsAt: today[today.length - 1], serviceId: 'facial-classic' } });
    const notToday = await send(kiosk.socket, 'booking:confirmByToken', { token: tokenOf(tomorrowLink) });
    expect(notToday.ok).toBe(false);
    if (!notToday.ok) expect(notToday.error.message).toBe('This booking is not for today. Please ask at the front desk.');
    const bogus = await send(kiosk.socket, 'booking:confirmByToken', { token: randomToken(), language: 'zh-CN' });
    expect(bogus.ok).toBe(false);
    if (!bogus.ok) expect(bogus.error.message).toBe('此预约二维码无效，请到前台咨询。');

    // The front desk's board has both bookings, and tomorrow's has a reminder task; a beautician sees neither.
    const snap = (await connectStaff(t, { staffId: 'grace', pin: '4444' }, frontDesk.device)).snapshot;
    expect(Object.values(snap.view.bookings).map((b) => b.clientName).sort()).toEqual(['Phone0 T.', 'Phone1 T.']);
    const task = Object.values(snap.view.tasks).find((x) => x.clientName === 'Phone1 T.')!;
    expect(task).toMatchObject({ kind: 'booking_reminder', startsAt: tomorrow[0], doneAt: null });
    expect(Object.values(snap.view.tasks).some((x) => x.clientName === 'Phone0 T.')).toBe(false); // booked for today
    const mei = await connectStaff(t, { staffId: 'mei', pin: '1111' });
    expect(mei.snapshot.view.bookings).toEqual({});
    expect(mei.snapshot.view.tasks).toEqual({});
    const beauticianTry = await send(mei.socket, 'booking:reminderDone', { bookingId: task.bookingId });
    expect(beauticianTry.ok).toBe(false);
    expectOk(await send(frontDesk.socket, 'booking:reminderDone', { bookingId: task.bookingId }));
    expect(state().bookings[task.bookingId]!.reminder).toMatchObject({ doneAt: now, doneBy: 'grace' });
    const twice = await send(frontDesk.socket, 'booking:reminderDone', { bookingId: task.bookingId });
    expect(twice.ok).toBe(false);

    // Checking in with the scanned booking: the booking becomes checked in, with its visit, live on the board.
    if (!visitor.known || !visitor.booking) throw new Error('expected a known visitor with a booking');
    const checkedIn = expectOk(
      await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({
        visitorToken: visitor.visitorToken,
        bookingId: visitor.booking.bookingId,
        serviceId: visitor.booking.serviceId,
        language: 'en',
        answers: { pregnant: false, isotretinoin: false, sunburn: false, concerns: [] },
      })),
    );
    const booking = state().bookings[visitor.booking.bookingId]!;
    expect(booking).toMatchObject({ state: 'checked_in', visitId: checkedIn.visitId });
    expect(state().visits[checkedIn.visitId]).toMatchObject({ kind: 'booked', dueAt: booking.startsAt });
    const again = await send(kiosk.socket, 'booking:confirmByToken', { token: tokenOf(todayLink) });
    expect(again.ok).toBe(false);
  });
});
