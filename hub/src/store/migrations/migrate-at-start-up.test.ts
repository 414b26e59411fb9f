import { appendFile, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbStore } from '../lowdb.store.ts';
import { MANIFEST_FILE, PREVIOUS_MANIFEST_FILE } from '../manifest.ts';
import { FORMAT_VERSION } from '../manifest-upgrade.ts';
import { StoreError } from '../store.port.ts';
import { HubModel, T0 } from '../testing/fixtures.ts';
import { DATA_VERSION } from './index.ts';

/**
 * A data directory as the first Glow wrote it (format 1 manifests with no data version; devices and pairing codes
 * without a kind, command records without a sender, a visit with one signature object), and a journal line of that
 * time after its snapshot: start-up migrates all of it, and the next checkpoint writes it at the current version.
 */
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const SIGNATURE = { consent: 'terms' as const, width: 100, height: 50, strokes: [[1, 1, 20, 20, 40, 40, 60, 20, 80, 45]], at: T0 };

type Json = Record<string, any>;

async function readJson(dir: string, file: string): Promise<Json> {
  return JSON.parse(await readFile(join(dir, file), 'utf8')) as Json;
}

/** Rewrites a JSON file through `edit`, as an older hub would have written it. */
async function rewrite(dir: string, file: string, edit: (data: Json) => void): Promise<void> {
  const data = await readJson(dir, file);
  edit(data);
  await writeFile(join(dir, file), JSON.stringify(data));
}

async function oldDataDirectory(): Promise<{ dir: string; model: HubModel }> {
  const dir = await mkdtemp(join(tmpdir(), 'glow-migrate-'));
  dirs.push(dir);
  const model = new HubModel();
  const store = new LowdbStore({ dir });
  await store.open();
  await store.append(model.seed());
  await store.append(
    model.entry({
      devices: { d1: { id: 'd1', name: 'Front desk', kind: 'tablet', secretHash: 'h', pairedAt: T0, revokedAt: null } },
      pairingCodes: { code1: { expiresAt: T0 + 600_000, kind: 'tablet' } },
      commands: { 'cmd-1': { at: T0, sender: '', result: { ok: true } } },
    }),
  );
  await store.append(model.checkIn('v1', 'c1'));
  await store.append(model.entry({ visits: { v1: { ...model.state.visits['v1']!, signature: [SIGNATURE] } } }));
  await store.checkpoint(model.state, model.revision);
  await store.close();

  // What the first Glow wrote: format 1, no data version, no integrity values (the bytes are edited below).
  const manifest = await readJson(dir, MANIFEST_FILE);
  const files = manifest['partitions'] as string[];
  const file = (name: string) => files.find((f) => f.startsWith(`${name}.`))!;
  await rewrite(dir, MANIFEST_FILE, (m) => {
    m['formatVersion'] = 1;
    delete m['dataVersion'];
    delete m['integrity'];
  });
  await rm(join(dir, PREVIOUS_MANIFEST_FILE), { force: true });
  await rewrite(dir, file('settings'), (s) => {
    delete s['devices'].d1.kind;
    delete s['pairingCodes'].code1.kind;
  });
  await rewrite(dir, file('commands'), (c) => delete c['commands']['cmd-1'].sender);
  await rewrite(dir, file('floor'), (f) => (f['visits'].v1.signature = SIGNATURE));
  // And one entry after the snapshot, from the same time: a second tablet paired, without a kind.
  const segments = (await readdir(dir)).filter((f) => f.startsWith('journal-')).sort();
  const device = { id: 'd2', name: 'Room 2', secretHash: 'h2', pairedAt: T0 + 1, revokedAt: null };
  const line = { seq: model.revision + 1, at: T0 + 5000, commandId: null, command: 'device:pair', changes: { devices: { d2: device } } };
  await appendFile(join(dir, segments[segments.length - 1]!), `${JSON.stringify(line)}\n`);
  return { dir, model };
}

describe('data migrations at start-up', () => {
  it('migrates a data directory of version 0, snapshot and journal, and the next checkpoint writes the current version', async () => {
    const { dir, model } = await oldDataDirectory();
    const store = new LowdbStore({ dir });
    const loaded = await store.open();
    const state = loaded!.state;
    expect(state.devices['d1']?.kind).toBe('tablet');
    expect(state.devices['d2']?.kind).toBe('tablet');
    expect(state.pairingCodes['code1']?.kind).toBe('tablet');
    expect(state.commands['cmd-1']?.sender).toBe('');
    expect(state.visits['v1']?.signature).toEqual([SIGNATURE]);
    expect(loaded!.revision).toBe(model.revision + 1);
    await store.checkpoint(state, loaded!.revision);
    await store.close();

    const manifest = await readJson(dir, MANIFEST_FILE);
    expect(manifest).toMatchObject({ formatVersion: FORMAT_VERSION, dataVersion: DATA_VERSION });
    // Every file was rewritten at the current version, and it opens again as it was (no migration needed).
    expect((manifest['partitions'] as string[]).every((f) => f.includes(`.r${loaded!.revision}.`))).toBe(true);
    const settings = await readJson(dir, (manifest['partitions'] as string[]).find((f) => f.startsWith('settings.'))!);
    expect(settings['devices'].d1.kind).toBe('tablet');
    const again = new LowdbStore({ dir });
    expect((await again.open())?.state).toEqual(state);
    await again.close();
  });

  it('refuses a data directory written by a newer Glow, saying so', async () => {
    const { dir } = await oldDataDirectory();
    await rewrite(dir, MANIFEST_FILE, (m) => {
      m['formatVersion'] = FORMAT_VERSION;
      m['dataVersion'] = DATA_VERSION + 1;
    });
    const store = new LowdbStore({ dir });
    const refused = await store.open().then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(StoreError);
    expect(refused).toMatchObject({ kind: 'newer' });
    expect((refused as Error).message).toMatch(/written by a newer version of Glow/);
    expect((refused as Error).message).toContain(`data version ${DATA_VERSION + 1}`);
    // Refused before anything was changed: the lock is released and the data is as it was.
    expect((await readJson(dir, MANIFEST_FILE))['dataVersion']).toBe(DATA_VERSION + 1);
  });
});
