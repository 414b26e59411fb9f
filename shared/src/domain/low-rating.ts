import type { Timestamp } from '../schemas/common.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';

/** A closed visit rated this or lower (CSAT, 1–5) is a low rating: the front desk should speak to the client. */
export const LOW_RATING_MAX_CSAT = 2;
/** How long after closing a low rating stays on the board: the client is likely still in the salon. */
export const LOW_RATING_WINDOW_MS = 60 * 60_000;

/** A closed visit with a CSAT of LOW_RATING_MAX_CSAT or less, whenever it was closed. */
export function isLowRating(visit: Pick<Visit, 'state' | 'rating'>): boolean {
  return visit.state === 'closed' && visit.rating !== null && visit.rating.csat <= LOW_RATING_MAX_CSAT;
}

/** A low rating closed within the last LOW_RATING_WINDOW_MS at `now` (the hub's clock; at exactly the hour it has left). */
export function isRecentLowRating(visit: Pick<Visit, 'state' | 'rating' | 'times'>, now: Timestamp): boolean {
  const closed = visit.times.closed;
  return isLowRating(visit) && closed !== undefined && now - closed < LOW_RATING_WINDOW_MS;
}
