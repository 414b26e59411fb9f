import type { Migration } from './migration.ts';

/**
 * The floor settings (auto-assignment, preferred-beautician wait, the salon's time zone) as data written before the
 * live floor was read: the schema's default gave it these, time zone UTC (frozen here). The manager changes them in
 * the settings; a new salon gets its own from the set-up. Only a whole `meta` (which always holds the hub's key) is
 * completed: a journal line's `meta` names only the fields it replaced.
 */
const FLOOR_THEN = { autoAssign: true, preferredWaitLimitMin: 20, timeZone: 'UTC' };

export const floorSettings: Migration = {
  version: 11,
  name: 'floor settings for data from before the live floor',
  up: (data) => {
    const meta = data['meta'];
    if (typeof meta !== 'object' || meta === null || !('sessionKey' in meta) || 'floor' in meta) return data;
    return { ...data, meta: { ...meta, floor: { ...FLOOR_THEN } } };
  },
};
