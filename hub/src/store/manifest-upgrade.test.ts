import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbStore } from './lowdb.store.ts';
import { MANIFEST_FILE, PREVIOUS_MANIFEST_FILE, type Manifest } from './manifest.ts';
import { sampleMeta } from './testing/fixtures.ts';
import { emptyState } from './hub-state.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('a data directory written before the bookings and complaints partitions existed', () => {
  it('opens, with both collections empty, and the next checkpoint writes them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'glow-upgrade-'));
    dirs.push(dir);
    const state = emptyState(sampleMeta());
    const first = new LowdbStore({ dir });
    await first.open();
    await first.append({ seq: 1, at: 1, commandId: null, command: 'salon:seed', changes: { meta: state.meta } });
    await first.checkpoint(state, 1);
    // Two more checkpoints: the journal before them is gone, so only the snapshot holds the salon.
    for (const seq of [2, 3]) {
      await first.append({ seq, at: seq, commandId: null, command: 'noop', changes: {} });
      await first.checkpoint(state, seq);
    }
    await first.close();
    // What an older hub wrote: the same manifests without the two partitions added since.
    for (const file of [MANIFEST_FILE, PREVIOUS_MANIFEST_FILE]) {
      const manifest = JSON.parse(await readFile(join(dir, file), 'utf8')) as Manifest;
      manifest.partitions = manifest.partitions.filter((f) => !/^(bookings|complaints)\./.test(f));
      await writeFile(join(dir, file), JSON.stringify(manifest));
    }

    const again = new LowdbStore({ dir });
    const loaded = await again.open();
    expect(loaded?.state.complaints).toEqual({});
    expect(loaded?.state.bookings).toEqual({});
    expect(loaded?.revision).toBe(3);
    expect(loaded?.state.meta.salon).toEqual(state.meta.salon);
    await again.append({ seq: 4, at: 4, commandId: null, command: 'noop', changes: {} });
    await again.checkpoint(loaded!.state, 4);
    await again.close();
    const rewritten = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as Manifest;
    expect(rewritten.partitions).toEqual(expect.arrayContaining(['bookings.r4.json', 'complaints.r4.json']));
  });
});
