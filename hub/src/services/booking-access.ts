import { createHmac } from 'node:crypto';
import { MINUTE, type Booking, type BookingSettings, type Client, type Service, type SlotSearch } from '@glow/shared';
import type { HubState, PublicLink } from '../store/hub-state.ts';
import { findLiveLink } from './public-link.ts';

/** The salon's booking settings (data written before they existed has the defaults of then: migration 10). */
export function bookingSettingsOf(state: Readonly<HubState>): BookingSettings {
  return state.meta.booking;
}

/**
 * The token of a booking's link: 256 bits that only the hub's key and the booking's id can produce. A retried
 * confirmation gets the same link back, and the client's aftercare page (and a Back to the confirmed hold) can link
 * to the booking again, while the hub keeps only the token's SHA-256.
 */
export const bookingToken = (key: string, bookingId: string): string =>
  createHmac('sha256', key).update(`booking-link\u0000${bookingId}`).digest('base64url');

const DAY_MS = 24 * 60 * MINUTE;

/** Until when a booking's link works: some days after the appointment (a moved booking takes its link along). */
export const bookingLinkExpiry = (booking: Pick<Booking, 'endsAt'>, settings: BookingSettings): number =>
  booking.endsAt + settings.linkDaysAfter * DAY_MS;

export type BookingLink = { tokenHash: string; link: PublicLink; booking: Booking; client: Client; service: Service };

/** Looks a booking link up. Unknown, malformed, expired, revoked and aftercare tokens all give the same `null`. */
export function findBookingLink(state: Readonly<HubState>, token: string, now: number): BookingLink | null {
  const live = findLiveLink(state, token, 'booking', now);
  const bookingId = live?.link.bookingId;
  if (!live || !bookingId) return null;
  const { tokenHash, link } = live;
  const booking = state.bookings[bookingId];
  const client = booking ? state.clients[booking.clientId] : undefined;
  const service = booking ? state.services[booking.serviceId] : undefined;
  if (!booking || !client || !service) return null;
  return { tokenHash, link, booking, client, service };
}

/** Everything a slot search needs from the hub's state but the day. */
export function slotQuery(
  state: Readonly<HubState>,
  service: Service,
  staffId: string | null,
  now: number,
  ignoreBookingId?: string,
): Omit<SlotSearch, 'day'> {
  return {
    service,
    staff: Object.values(state.staff),
    rooms: Object.values(state.rooms),
    bookings: Object.values(state.bookings),
    settings: bookingSettingsOf(state),
    timeZone: state.meta.floor.timeZone,
    closedDates: state.meta.salon.closedDates,
    staffId,
    now,
    ...(ignoreBookingId ? { ignoreBookingId } : {}),
  };
}

/** Whether the client may still cancel or move the booking themselves (before the salon's cutoff). */
export const canChangeOnline = (booking: Pick<Booking, 'state' | 'startsAt'>, settings: BookingSettings, now: number): boolean =>
  booking.state === 'booked' && now < booking.startsAt - settings.changeCutoffHours * 60 * MINUTE;

/** Staff who can perform a service (for the phone's beautician choice): active, with the skill. */
export const qualifiedStaff = (state: Readonly<HubState>, service: Service) =>
  Object.values(state.staff)
    .filter((s) => s.active && s.skills.includes(service.requiredSkill))
    .sort((a, b) => a.name.localeCompare(b.name));
