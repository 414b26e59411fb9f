import type { StaffRole } from '@glow/shared';

/**
 * How long a tablet may sit untouched before it locks back to the PIN pad of the same person (null: never).
 * Every role locks (#14): room tablets show client data and are left in the room, so they lock soonest; the front
 * desk's board is watched all day, so it waits longer; the manager's tablet can revoke devices and override answers.
 */
export const LOCK_AFTER_MS: Readonly<Record<StaffRole, number | null>> = {
  beautician: 2 * 60_000,
  front_desk: 10 * 60_000,
  manager: 5 * 60_000,
};

/** An unacknowledged incident older than this is shown as late (the salon's target is a 5-minute response). */
export const INCIDENT_RESPONSE_TARGET_MS = 5 * 60_000;
