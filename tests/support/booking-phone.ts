import { closedFacial } from './aftercare-visit.ts';
import { expectOk, newCommandId, send, type StaffSocket, type TestHub } from './hub-harness.ts';

/**
 * A phone on the booking pages, as a browser without JavaScript uses them: GET pages, POST url-encoded forms,
 * redirects followed by hand (so a test sees each answer).
 */

/** Closed visits of `n` different clients (one aftercare link each), the room made ready after each close. */
export async function closedVisits(t: TestHub, desk: StaffSocket, n: number, firstName = 'Client') {
  const out: Array<{ visitId: string; clientId: string; path: string }> = [];
  for (let i = 0; i < n; i++) {
    const phone = `+4479${String(10_000_000 + i).padStart(8, '0')}`;
    const closed = await closedFacial(t, desk, { firstName: `${firstName}${i}`, lastName: 'Tester', phone });
    const roomId = t.hub.core.engine.state.visits[closed.visitId]?.roomId;
    if (roomId && t.hub.core.engine.state.rooms[roomId]?.state === 'cleaning') expectOk(await send(desk, 'room:ready', { roomId }));
    out.push({ visitId: closed.visitId, clientId: closed.clientId, path: closed.path });
  }
  return out;
}

export async function getPage(t: TestHub, path: string, lang?: string) {
  const res = await fetch(`${t.url}${path}`, { redirect: 'manual', headers: lang ? { 'accept-language': lang } : {} });
  return { status: res.status, body: await res.text(), location: res.headers.get('location') };
}

export async function postForm(t: TestHub, path: string, fields: Record<string, string>) {
  const res = await fetch(`${t.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: res.status, body: await res.text(), location: res.headers.get('location') };
}

/** The free slot start times a page offers (each slot button carries its start). */
export const slotsIn = (html: string): number[] => [...html.matchAll(/data-slot="(\d+)"/g)].map((m) => Number(m[1]));

/** The book page of an aftercare link for a service, a beautician (or `any`) and a day. */
export const bookPath = (aftercarePath: string, q: { service?: string; staff?: string; day?: string; lang?: string } = {}) =>
  `${aftercarePath}/book?${new URLSearchParams(q as Record<string, string>).toString()}`;

/** Holds a slot and confirms it; returns the booking link's path (`/b/<token>`). */
export async function book(
  t: TestHub,
  aftercarePath: string,
  slot: { service: string; staff: string; startsAt: number; lang?: string },
): Promise<string> {
  const lang = slot.lang ?? 'en';
  const held = await postForm(t, `${aftercarePath}/book/hold`, {
    commandId: newCommandId(),
    service: slot.service,
    staff: slot.staff,
    startsAt: String(slot.startsAt),
    lang,
  });
  if (held.status !== 303 || !held.location) throw new Error(`hold refused: ${held.status} ${held.body.slice(0, 300)}`);
  const confirmPath = held.location.split('?')[0]!;
  const confirmed = await postForm(t, confirmPath, { commandId: newCommandId(), lang });
  if (confirmed.status !== 303 || !confirmed.location) throw new Error(`confirm refused: ${confirmed.status}`);
  return confirmed.location.split('?')[0]!;
}

/** A token as the booking link carries it. */
export const tokenOf = (bookingPath: string): string => bookingPath.split('/')[2]!;
