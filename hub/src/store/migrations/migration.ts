/**
 * Numbered data migrations (like tldraw's sync-core): each one turns stored data of version `version - 1` into
 * version `version`, so the schemas describe only the current shape and no field stays optional or defaulted just
 * because older data lacks it.
 *
 * A migration sees "some of the stored state, as JSON": a snapshot partition file (`{ meta, devices, … }`), or the
 * `changes` of one journal entry (the same keys, a record may be null for a deletion, and `meta` holds only the
 * fields that entry replaced). It must be:
 * - pure: data in, data out, no clock, no I/O, the input left untouched;
 * - local: a record is migrated on its own, so the same migration serves a snapshot file and a journal line;
 * - idempotent: journal lines carry no version, so after an upgrade (or a recovery from the older snapshot
 *   generation) lines written before and after it are migrated alike. Running it on current data changes nothing.
 * Each one has a unit test beside it (migrations.test.ts checks the list and idempotence for all of them).
 */
export type StoredData = Readonly<Record<string, unknown>>;

export type Migration = {
  /** 1, 2, 3 …: the data version this migration produces. */
  version: number;
  /** What it does, for the start-up log. */
  name: string;
  up: (data: StoredData) => StoredData;
};

type StoredRecord = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is StoredRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `data` with every record of `collection` passed through `update` (deletions, null, stay as they are). Returns
 * `data` itself when nothing changed, so that an idempotent migration is visibly one.
 */
export function updateRecords(
  data: StoredData,
  collection: string,
  update: (record: StoredRecord) => StoredRecord,
): StoredData {
  const records = data[collection];
  if (!isRecord(records)) return data;
  let changed = false;
  const next: Record<string, unknown> = {};
  for (const [id, record] of Object.entries(records)) {
    const updated = isRecord(record) ? update(record) : record;
    if (updated !== record) changed = true;
    next[id] = updated;
  }
  return changed ? { ...data, [collection]: next } : data;
}
