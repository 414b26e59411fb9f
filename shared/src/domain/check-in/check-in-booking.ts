import type { Booking } from '../../schemas/booking.schema.ts';
import type { Client } from '../../schemas/client.schema.ts';
import type { Service } from '../../schemas/service.schema.ts';
import type { StaffMember } from '../../schemas/staff.schema.ts';
import { salonDay } from '../shifts.ts';
import { refuse, type Refusal } from '../refusal.ts';

/** What the client is checked in for: the service, their booking if any, and the beautician they asked for. */
export type CheckInService = { service: Service; booking: Booking | undefined; preferredStaffId: string | null };

export type ServiceRequest = {
  client: Client;
  /** Only a client who proved who they are (a booking's QR) may check in for a booking. */
  verified: boolean;
  bookingId: string | undefined;
  serviceId: string;
  /** At the front desk: the beautician the client asked for. */
  preferredStaffId: string | null;
  /** The salon's date, YYYY-MM-DD: a booking checks in on its own day only. */
  today: string;
  timeZone: string;
};

/**
 * The booking (a proven client's own, still booked, for today) and the service: a booked client gets the booked
 * service and beautician, whatever the kiosk sent; the service and any beautician named must exist.
 */
export function decideCheckInService(
  records: {
    bookings: Readonly<Record<string, Booking>>;
    services: Readonly<Record<string, Service>>;
    staff: Readonly<Record<string, StaffMember>>;
  },
  request: ServiceRequest,
): CheckInService | Refusal {
  let booking: Booking | undefined;
  if (request.bookingId !== undefined) {
    booking = request.verified ? records.bookings[request.bookingId] : undefined;
    if (!booking || booking.clientId !== request.client.id) return refuse('not_found', 'unknown_booking');
    if (booking.state !== 'booked') return refuse('conflict', 'booking_not_checkinable');
    if (salonDay(booking.startsAt, request.timeZone) !== request.today) return refuse('conflict', 'booking_not_today');
  }
  const service = records.services[booking?.serviceId ?? request.serviceId];
  if (!service) return refuse('invalid_input', 'unknown_service');
  // An archived service is offered nowhere (#13): only a booking made before it was archived still checks in.
  if (service.archived && !booking) return refuse('invalid_input', 'unknown_service');
  const preferredStaffId = booking ? (booking.anyStaff ? null : booking.staffId) : request.preferredStaffId;
  if (preferredStaffId !== null && !records.staff[preferredStaffId]?.active) return refuse('not_found', 'unknown_staff');
  return { service, booking, preferredStaffId };
}
