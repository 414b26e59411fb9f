import type { Booking, BookingSettings } from '../schemas/booking.schema.ts';
import type { Arrival, TodayBooking } from '../schemas/kiosk-identity.schema.ts';
import { salonDay } from './shifts.ts';

const MIN = 60_000;

/**
 * How a booked client's arrival at `now` compares with the appointment: `early` more than `earlyMin` minutes before
 * the start, `late` more than `lateMin` minutes after it, `on_time` in between (both bounds inclusive). The kiosk
 * shows it and checks them in either way; the planner still holds an early client until the booking is due.
 */
export function bookingArrival(
  booking: Pick<Booking, 'startsAt'>,
  now: number,
  settings: Pick<BookingSettings, 'earlyMin' | 'lateMin'>,
): { arrival: Arrival; checkInFrom: number } {
  const checkInFrom = booking.startsAt - settings.earlyMin * MIN;
  const arrival: Arrival =
    now < checkInFrom ? 'early' : now > booking.startsAt + settings.lateMin * MIN ? 'late' : 'on_time';
  return { arrival, checkInFrom };
}

/**
 * The client's booking to check in for at `now`: confirmed (`booked`), on the salon's calendar day of `now`. With
 * several (two services the same day), the one whose start is nearest to now.
 */
export function todayBooking(
  bookings: Iterable<Booking>,
  clientId: string,
  now: number,
  settings: Pick<BookingSettings, 'earlyMin' | 'lateMin'>,
  timeZone: string,
): TodayBooking | null {
  const today = salonDay(now, timeZone);
  let best: Booking | null = null;
  for (const b of bookings) {
    if (b.clientId !== clientId || b.state !== 'booked' || salonDay(b.startsAt, timeZone) !== today) continue;
    if (!best || Math.abs(b.startsAt - now) < Math.abs(best.startsAt - now)) best = b;
  }
  if (!best) return null;
  return {
    bookingId: best.id,
    serviceId: best.serviceId,
    staffId: best.staffId,
    startsAt: best.startsAt,
    ...bookingArrival(best, now, settings),
  };
}
