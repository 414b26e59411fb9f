import type { BookingSettingsInput } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { bookingSettingsOf } from './booking-access.ts';
import type { Decision } from './hub-engine.ts';

/**
 * The manager sets the opening hours per weekday (null: closed), how long a phone's slot is held, the cancel/move
 * cutoff and how far ahead clients may book (each checked by BookingSettingsInputSchema). The other booking settings
 * (slot step, arrival windows…) are kept as they are. Bookings already made stay: new hours only shape new slots.
 */
export function decideBookingSettings(
  state: Readonly<HubState>,
  input: Pick<BookingSettingsInput, 'openingHours' | 'holdMinutes' | 'changeCutoffHours' | 'horizonDays'>,
): Decision<Record<string, never>> {
  const booking = {
    ...bookingSettingsOf(state),
    openingHours: input.openingHours.map((d) => (d ? { start: d.start, end: d.end } : null)),
    holdMinutes: input.holdMinutes,
    changeCutoffHours: input.changeCutoffHours,
    horizonDays: input.horizonDays,
  };
  return { changes: { meta: { booking } }, result: {} };
}
