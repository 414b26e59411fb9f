import type { Presence } from '../schemas/floor.schema.ts';

/** Whether a staff member is here on the salon's day `today` (signed in on a tablet, or marked present by the desk). */
export const isPresent = (presence: Readonly<Record<string, Presence>>, staffId: string, today: string): boolean =>
  presence[staffId]?.day === today;

/**
 * The presence record after `staffId` is seen today: earlier days' entries are dropped (presence is per day, and the
 * record stays as small as the staff list). Null when they were already present today: nothing to write.
 */
export function markPresent(
  presence: Readonly<Record<string, Presence>>,
  staffId: string,
  today: string,
  at: number,
  by: string,
): Record<string, Presence> | null {
  if (isPresent(presence, staffId, today)) return null;
  const kept = Object.fromEntries(Object.entries(presence).filter(([, p]) => p.day === today));
  return { ...kept, [staffId]: { day: today, at, by } };
}
