import type { Booking, LocalizedText } from '@glow/shared';
import { sha256 } from '../security/secrets.ts';
import type { HubState } from '../store/hub-state.ts';
import { bookingToken } from './booking-access.ts';

export type BookingFromVisit = { id: string; serviceName: LocalizedText; startsAt: number; staffName: string | null; token: string };

/**
 * The upcoming bookings a client made from one visit's aftercare page (each booking link records the visit it was made
 * from), soonest first, each with its link's token (derived again from the booking: the hub keeps only its hash), so
 * that the aftercare page lists what the client just booked and leads to it.
 */
export function bookingsFromVisit(state: Readonly<HubState>, visitId: string, clientId: string, now: number): BookingFromVisit[] {
  const key = state.meta.sessionKey;
  const out: BookingFromVisit[] = [];
  for (const b of Object.values(state.bookings) as Booking[]) {
    if (b.clientId !== clientId || b.state !== 'booked' || b.endsAt <= now) continue;
    const token = bookingToken(key, b.id);
    const link = state.links[sha256(token)];
    if (!link || link.visitId !== visitId || link.revokedAt !== null) continue;
    const service = state.services[b.serviceId];
    if (!service) continue;
    const staffName = b.anyStaff ? null : (state.staff[b.staffId ?? '']?.name ?? null);
    out.push({ id: b.id, serviceName: service.name, startsAt: b.startsAt, staffName, token });
  }
  return out.sort((a, b) => a.startsAt - b.startsAt);
}
