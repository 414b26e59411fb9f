import { bookableDays, searchSlots, type ErrorCode, type Service } from '@glow/shared';
import type { HubReads } from '../../services/reads.ts';
import type { DayOption, SlotPicker } from './booking.pages.ts';

/** Where a picker's slot forms post, their hidden fields, and the link of another day. */
export type PickerForm = Pick<SlotPicker, 'action' | 'hidden' | 'dayLink'>;

/**
 * A slot picker (rebooking and moving alike): the days and times of pickSlots, how long a slot is held, and its forms.
 */
export function slotPicker(
  reads: HubReads,
  service: Service,
  staffId: string | null,
  now: number,
  opts: Parameters<typeof pickSlots>[4],
  form: PickerForm,
): SlotPicker {
  return { ...pickSlots(reads, service, staffId, now, opts), holdMinutes: reads.bookingSettings().holdMinutes, ...form };
}

/**
 * The days and free times a slot picker shows: every bookable day (closed ones marked), and the times of the chosen
 * day — or, when none was chosen, of the recommended day if it has any, else of the first day that has some.
 */
export function pickSlots(
  reads: HubReads,
  service: Service,
  staffId: string | null,
  now: number,
  opts: { day?: string | undefined; recommendedDay?: string | null; ignoreBookingId?: string },
): { days: DayOption[]; day: string; slots: number[] } {
  const settings = reads.bookingSettings();
  const timeZone = reads.timeZone();
  const query = reads.slotQuery(service, staffId, now, opts.ignoreBookingId);
  const days = bookableDays(now, timeZone, settings).map((day) => {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    const closed = settings.openingHours[weekday] === null || (query.closedDates ?? []).includes(day);
    return { day, closed, recommended: day === opts.recommendedDay };
  });
  const slotsOn = (day: string) => searchSlots({ ...query, day }).map((s) => s.startsAt);
  if (opts.day && days.some((d) => d.day === opts.day)) return { days, day: opts.day, slots: slotsOn(opts.day) };
  const order = [...days.filter((d) => d.recommended), ...days.filter((d) => !d.recommended && !d.closed)];
  for (const d of order) {
    const slots = slotsOn(d.day);
    if (slots.length) return { days, day: d.day, slots };
  }
  return { days, day: days[0]?.day ?? '', slots: [] };
}

/** The HTTP status a refusal answers with on a page. */
export function statusOf(code: ErrorCode): 400 | 404 | 409 | 503 {
  if (code === 'not_found') return 404;
  if (code === 'conflict') return 409;
  if (code === 'invalid_input') return 400;
  return 503;
}
