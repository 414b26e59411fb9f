import { describe, expect, it } from 'vitest';
import { DATA_VERSION, MIGRATIONS, migrate } from './index.ts';
import type { StoredData } from './migration.ts';

/** Stored data of version 0: what the oldest hub wrote, one record of each migrated kind. */
const versionZero = (): StoredData => ({
  devices: { d1: { id: 'd1', name: 'Front', secretHash: 'h', pairedAt: 1, revokedAt: null } },
  pairingCodes: { hash: { expiresAt: 5 } },
  commands: { c1: { at: 1, result: {} } },
  clients: { k1: { id: 'k1', phone: '13800138000' } },
  visits: {
    v1: { id: 'v1', signature: { consent: 'terms', width: 10, height: 10, strokes: [], at: 1 }, rating: { csat: 2, tags: ['hot', 'friendly'] } },
  },
});

describe('the migration list', () => {
  it('is numbered 1, 2, 3 … in order, and the data version is the last number', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(DATA_VERSION).toBe(MIGRATIONS.length);
  });

  it.each(MIGRATIONS.map((m) => [m.version, m] as const))('migration %i is idempotent and leaves its input alone', (_, migration) => {
    const input = versionZero();
    const frozen = JSON.stringify(input);
    const once = migration.up(input);
    expect(JSON.stringify(input)).toBe(frozen);
    expect(migration.up(once)).toEqual(once);
  });

  it('leaves a journal deletion (null) and collections it does not know alone', () => {
    const data = { devices: { d1: null }, rooms: { r1: { id: 'r1' } } };
    expect(migrate(data, 0)).toEqual(data);
  });

  it('brings version 0 data to the current version, and leaves current data as it is', () => {
    const current = migrate(versionZero(), 0);
    expect(migrate(current, DATA_VERSION)).toBe(current);
    expect(migrate(current, 0)).toEqual(current);
  });
});
