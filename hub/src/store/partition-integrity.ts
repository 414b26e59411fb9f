import { createHash } from 'node:crypto';
import { z } from 'zod';
import { partitionSchema, type PartitionName } from './partitions.ts';

/**
 * Lets start-up skip the zod check of a partition file this store wrote itself (it was ~half of a large salon's
 * start). Sound because nothing unchecked ever reaches the state: every journal entry is checked against the same
 * schemas before it is accepted (journal-entry.schema.ts), so a partition written from the state matched its schema
 * when written. What can still go wrong is covered by the recorded value:
 * - the bytes changed on disk (damage, a hand edit) → the SHA-256 differs → full zod check;
 * - the schema changed since (a newer hub, a new required field) → the schema's fingerprint differs → full zod check.
 * The fingerprint is the partition schema's JSON Schema (zod's own export), so any change of shape, type, enum or
 * pattern changes it; a change only inside a custom `refine` function would not, which is why such a change must
 * come with a new manifest formatVersion, as any data migration does. Files without a recorded value (written by an
 * older hub, or a manifest without the field) get the full check; once it passes, the next checkpoint records their
 * value under the current schema (load-data-dir.ts), so only the first start after an upgrade pays for it.
 */
const fingerprints = new Map<string, string>();

function schemaKind(name: PartitionName): string {
  return name === 'floor' || name.startsWith('visits-') ? 'visits' : name;
}

export function schemaFingerprint(name: PartitionName): string {
  const kind = schemaKind(name);
  let fingerprint = fingerprints.get(kind);
  if (fingerprint === undefined) {
    const json = JSON.stringify(z.toJSONSchema(partitionSchema(name), { unrepresentable: 'any', io: 'input' }));
    fingerprint = createHash('sha256').update(json).digest('hex').slice(0, 16);
    fingerprints.set(kind, fingerprint);
  }
  return fingerprint;
}

/** What the manifest records for a partition file: `<sha256 of its bytes>.<schema fingerprint>`. */
export function integrityOf(name: PartitionName, bytes: Uint8Array): string {
  return `${createHash('sha256').update(bytes).digest('hex')}.${schemaFingerprint(name)}`;
}

/** The SHA-256 part of a recorded integrity value: what must match whatever the schema fingerprint says. */
export function checksumOf(integrity: string): string {
  return integrity.split('.', 1)[0] ?? '';
}
