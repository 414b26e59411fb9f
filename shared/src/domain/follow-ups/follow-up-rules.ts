import type { FollowUpKind } from '../../schemas/catalogue.schema.ts';
import type { FollowUpRule } from '../../schemas/follow-up.schema.ts';
import type { FollowUpChannel, FollowUpSettings, Holiday } from '../../schemas/follow-up-settings.schema.ts';
import { isCalendarDate } from '../calendar-date.ts';
import type { VisitProduct } from '../visit-products.ts';
import { overdueFrom, type ClientHistorySummary } from './client-class.ts';
import { holidaysOn } from './holidays.ts';
import { addDays, dateOf } from './salon-dates.ts';

/**
 * The follow-up rules (#16, domain README §3; seeds 000 §3–4, 003): pure decisions of what is due, each with a
 * dedupe key so that the hub creates it once and only once however often it asks (a restart, a crash, a sweep run
 * twice). Days are the salon's calendar days; the clock enters only as `today`.
 */

/** Marketing needs the client's yes; service follow-ups (aftercare calls, the day-before reminder) do not. */
export const MARKETING_RULES: ReadonlySet<FollowUpRule> = new Set(['birthday_card', 'birthday', 'holiday', 'seasonal', 'win_back']);
export const followUpPurpose = (rule: FollowUpRule): 'service' | 'marketing' => (MARKETING_RULES.has(rule) ? 'marketing' : 'service');

/** Something a rule says is due: a call task or a message, by the rule's channel. */
export type FollowUpDue = {
  rule: FollowUpRule;
  channel: FollowUpChannel;
  clientId: string;
  visitId: string | null;
  bookingId: string | null;
  productId: string | null;
  /** What the wording's placeholders name, besides the client and the salon. */
  serviceId: string | null;
  holiday: Holiday | null;
  seasonalId: string | null;
  /** The {date} of the wording: the visit's day, the birthday, the appointment's day, the last visit's day. */
  date: string;
  dueDate: string;
  /** The beautician who served (aftercare and product calls), else null: the front desk. */
  assigneeId: string | null;
  dedupeKey: string;
};

/** A session that has just closed, as the rules need it. */
export type ClosedSession = {
  visitId: string;
  clientId: string;
  serviceId: string;
  staffId: string | null;
  /** The salon day it closed. */
  day: string;
  /** Her first visit to the salon (no closed visit before). */
  firstVisit: boolean;
  /** Listed products on the visit with their follow-up kind (visitProducts). */
  products: readonly VisitProduct[];
};

const PRODUCT_RULE: Record<FollowUpKind, FollowUpRule> = {
  treatment_product: 'product_treatment',
  brand_product: 'product_brand',
  supplement: 'product_supplement',
};

const due = (rule: FollowUpRule, settings: FollowUpSettings, d: Omit<FollowUpDue, 'rule' | 'channel' | 'holiday' | 'seasonalId'> & Partial<Pick<FollowUpDue, 'holiday' | 'seasonalId'>>): FollowUpDue => ({
  rule,
  channel: settings.rules[rule].channel,
  holiday: null,
  seasonalId: null,
  ...d,
});

/**
 * What a closed session makes due: the 1-3-7 calls (a first visit's day-3 call is the first-visit call, not a second
 * one on the same day), and a call per product sold for home by its kind (recommended on the aftercare sheet: the
 * seeds' "after a product sale"; products used in the treatment were not sold). All are decided at close, each for
 * its day.
 */
export function decideSessionFollowUps(session: ClosedSession, settings: FollowUpSettings): FollowUpDue[] {
  if (!isCalendarDate(session.day)) throw new RangeError(`Not a calendar date: ${session.day}`);
  const out: FollowUpDue[] = [];
  const base = { clientId: session.clientId, visitId: session.visitId, bookingId: null, serviceId: session.serviceId, date: session.day, assigneeId: session.staffId };
  const visitRules: FollowUpRule[] = ['day1', session.firstVisit && settings.rules.first_visit_day3.enabled ? 'first_visit_day3' : 'day3', 'day7'];
  for (const rule of visitRules) {
    const r = settings.rules[rule];
    if (!r.enabled) continue;
    out.push(due(rule, settings, { ...base, productId: null, dueDate: addDays(session.day, r.days), dedupeKey: `${rule}:${session.visitId}` }));
  }
  const sold = session.products.filter((p) => p.role === 'recommended' && p.followUp !== null);
  for (const product of sold) {
    const rule = PRODUCT_RULE[product.followUp!];
    const r = settings.rules[rule];
    if (!r.enabled) continue;
    out.push(
      due(rule, settings, {
        ...base,
        productId: product.productId,
        dueDate: addDays(session.day, r.days),
        dedupeKey: `${rule}:${session.visitId}:${product.productId}`,
      }),
    );
  }
  return out;
}

/** A booking as the day-before rule needs it. */
export type UpcomingBooking = { bookingId: string; clientId: string; serviceId: string; staffId: string | null; day: string };

/** The dedupe key of a booking's day-before message: one per booking, ever. */
export const bookingEveKey = (bookingId: string): string => `booking_eve:${bookingId}`;

/** The booking a day-before message is about (from its dedupe key), or null for any other message. */
export function bookingOfEveKey(dedupeKey: string): string | null {
  const prefix = 'booking_eve:';
  return dedupeKey.startsWith(prefix) && dedupeKey.length > prefix.length ? dedupeKey.slice(prefix.length) : null;
}

/**
 * The day-before reminder by message. The call is the booking's own reminder (Booking.reminder, the desk's task list
 * since #5): one source of truth for the day, so with channel `call` this rule adds nothing. With channel `message`
 * the desk's reminder stays on its list until the message has actually reached the client (the outbox closes it
 * then: outbox/booking-eve-reminder.ts); a message that failed leaves it there, to be called.
 */
export function decideBookingFollowUp(booking: UpcomingBooking, today: string, settings: FollowUpSettings): FollowUpDue | null {
  const r = settings.rules.booking_eve;
  if (!r.enabled || r.channel !== 'message') return null;
  const dueDate = addDays(booking.day, -1);
  if (booking.day <= today) return null;
  return due('booking_eve', settings, {
    clientId: booking.clientId,
    visitId: null,
    bookingId: booking.bookingId,
    productId: null,
    serviceId: booking.serviceId,
    date: booking.day,
    dueDate: dueDate < today ? today : dueDate,
    assigneeId: null,
    dedupeKey: bookingEveKey(booking.bookingId),
  });
}

/** A client as the daily sweep needs her. */
export type SweepClient = {
  id: string;
  /** YYYY-MM-DD or null. */
  birthday: string | null;
  /** Her latest marketing choice was yes (marketing is an opt-in). */
  marketing: boolean;
  /** Asked not to be called (a call's outcome): she gets no more call tasks. */
  noCalls: boolean;
  history: ClientHistorySummary;
  /** Her latest closed visit. */
  lastVisit: { visitId: string; serviceId: string; day: string } | null;
};

/**
 * How many days late a missed day is still made up (the hub was off on a birthday): a greeting two days late is
 * still kind, a week late it is not.
 */
export const CATCH_UP_DAYS = 2;

/**
 * A win-back is asked for within this many days of the client falling overdue: switching the rule on does not put
 * every client who left years ago on the desk's list at once (those are the lapsed class, for a campaign).
 */
export const WIN_BACK_WINDOW_DAYS = 30;

/** Her birthday in `year` (29 February: the 28th in other years); null for a birthday that is not a date. */
function birthdayIn(birthday: string, year: number): string | null {
  if (!isCalendarDate(birthday)) return null;
  const [, m, d] = birthday.split('-').map(Number) as [number, number, number];
  return dateOf(year, m, d) ?? dateOf(year, m, d - 1);
}


/**
 * What the daily sweep makes due on `today`: the birthday card (`days` before) and the birthday message, the
 * salon's holidays and seasonal messages, and the win-back once a client is `days` past her own interval. Marketing
 * only to clients who said yes; no call task for a client who asked not to be called. A day missed (the hub was
 * off) is made up within CATCH_UP_DAYS, still under its own key.
 */
export function decideDailyFollowUps(clients: Iterable<SweepClient>, today: string, settings: FollowUpSettings): FollowUpDue[] {
  if (!isCalendarDate(today)) throw new RangeError(`Not a calendar date: ${today}`);
  const out: FollowUpDue[] = [];
  const { rules } = settings;
  const runs = (rule: FollowUpRule, c: SweepClient): boolean =>
    rules[rule].enabled && (!MARKETING_RULES.has(rule) || c.marketing) && !(rules[rule].channel === 'call' && c.noCalls);
  // The days (today and the catch-up days) and what falls on each: computed once, not per client.
  const days = Array.from({ length: CATCH_UP_DAYS + 1 }, (_, i) => addDays(today, -i));
  const holidays = days.flatMap((day) => holidaysOn(day, settings.holidays).map((holiday) => ({ day, holiday })));
  const seasonal = days.flatMap((day) => settings.seasonal.filter((m) => m.day === day.slice(5)).map((m) => ({ day, id: m.id })));
  const years = [...new Set([Number(today.slice(0, 4)), Number(today.slice(0, 4)) + 1])];
  // Whether a day is due on `today`, or missed within the catch-up days.
  const catchUpFrom = addDays(today, -CATCH_UP_DAYS);
  const dueNow = (day: string): boolean => day <= today && day >= catchUpFrom;
  // Greetings and seasonal care go to clients who came in the last year (the lapsed get the win-back instead).
  const yearAgo = addDays(today, -365);
  const active = (c: SweepClient): boolean => c.lastVisit !== null && c.lastVisit.day > yearAgo;
  const winBackFrom = addDays(today, -WIN_BACK_WINDOW_DAYS);

  for (const c of clients) {
    const base = { clientId: c.id, visitId: null, bookingId: null, productId: null, serviceId: c.lastVisit?.serviceId ?? null, assigneeId: null };
    if (c.birthday) {
      for (const year of years) {
        const birthday = birthdayIn(c.birthday, year);
        if (!birthday) continue;
        const cardDay = addDays(birthday, -rules.birthday_card.days);
        if (runs('birthday_card', c) && dueNow(cardDay) && birthday >= today) {
          out.push(due('birthday_card', settings, { ...base, date: birthday, dueDate: cardDay, dedupeKey: `birthday_card:${c.id}:${year}` }));
        }
        if (runs('birthday', c) && dueNow(birthday)) {
          out.push(due('birthday', settings, { ...base, date: birthday, dueDate: birthday, dedupeKey: `birthday:${c.id}:${year}` }));
        }
      }
    }
    if (active(c)) {
      if (runs('holiday', c)) {
        for (const { day, holiday } of holidays) {
          out.push(due('holiday', settings, { ...base, holiday, date: day, dueDate: day, dedupeKey: `holiday:${holiday}:${day}:${c.id}` }));
        }
      }
      if (runs('seasonal', c)) {
        for (const { day, id } of seasonal) {
          out.push(due('seasonal', settings, { ...base, seasonalId: id, date: day, dueDate: day, dedupeKey: `seasonal:${id}:${day}:${c.id}` }));
        }
      }
    }
    if (c.lastVisit && runs('win_back', c)) {
      const overdue = overdueFrom(c.history, settings.classes);
      // Once per absence: the key is her last visit, so a new visit starts a new count.
      const from = overdue ? addDays(overdue, rules.win_back.days) : null;
      if (from && from <= today && from > winBackFrom) {
        out.push(due('win_back', settings, { ...base, date: c.lastVisit.day, dueDate: today, dedupeKey: `win_back:${c.id}:${c.lastVisit.visitId}` }));
      }
    }
  }
  return out;
}
