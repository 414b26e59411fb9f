import type { StaffRole } from '@glow/shared';

/**
 * How long a tablet may sit untouched before it locks back to the PIN pad of the same person (null: never).
 * Room tablets show client data and are left in the room; the front-desk board is meant to stay on display.
 */
export const LOCK_AFTER_MS: Readonly<Record<StaffRole, number | null>> = {
  beautician: 2 * 60_000,
  front_desk: null,
  manager: null,
};

/** An unacknowledged incident older than this is shown as late (the salon's target is a 5-minute response). */
export const INCIDENT_RESPONSE_TARGET_MS = 5 * 60_000;
