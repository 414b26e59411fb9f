import { deviceKind } from './001-device-kind.ts';
import { commandSender } from './002-command-sender.ts';
import { visitSignatureList } from './003-visit-signature-list.ts';
import { canonicalPhones } from './004-canonical-phones.ts';
import { knownRatingTags } from './005-known-rating-tags.ts';
import { followUpTasks } from './006-follow-up-tasks.ts';
import { outboxCollection } from './007-outbox.ts';
import { clientChangesCollection } from './008-client-changes.ts';
import { visitFields } from './009-visit-fields.ts';
import { salonSettings } from './010-salon-settings.ts';
import { floorSettings } from './011-floor-settings.ts';
import { clientReferredBy } from './012-client-referred-by.ts';
import type { Migration, StoredData } from './migration.ts';

export type { Migration, StoredData } from './migration.ts';

/**
 * Every data migration, in order: entry n produces data version n. Add new ones at the end with the next number
 * (never renumber or change a released one); the manifest records the version its snapshot is at.
 */
export const MIGRATIONS: readonly Migration[] = [
  deviceKind,
  commandSender,
  visitSignatureList,
  canonicalPhones,
  knownRatingTags,
  followUpTasks,
  outboxCollection,
  clientChangesCollection,
  visitFields,
  salonSettings,
  floorSettings,
  clientReferredBy,
];

/** The data version this hub writes: the number of the last migration. */
export const DATA_VERSION = MIGRATIONS.length;

/** `data` (stored at version `from`) brought to DATA_VERSION. */
export function migrate(data: StoredData, from: number): StoredData {
  let current = data;
  for (const migration of MIGRATIONS) if (migration.version > from) current = migration.up(current);
  return current;
}

/** The migrations that take data at version `from` to the current one (for the start-up log). */
export const migrationsAfter = (from: number): Migration[] => MIGRATIONS.filter((m) => m.version > from);
