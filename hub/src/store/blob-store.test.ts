import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbStore } from './lowdb.store.ts';
import { emptyMemoryDisk, MemoryStore } from './memory.store.ts';
import type { StorePort } from './store.port.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** The blob part of the store port, run on both stores (as the rest of the port's contract is). */
const stores: Array<[string, () => Promise<{ store: StorePort; reopen: () => StorePort; dir: string | null }>]> = [
  [
    'MemoryStore',
    async () => {
      const disk = emptyMemoryDisk();
      return { store: new MemoryStore(disk), reopen: () => new MemoryStore(disk), dir: null };
    },
  ],
  [
    'LowdbStore',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'glow-blob-'));
      dirs.push(dir);
      return { store: new LowdbStore({ dir }), reopen: () => new LowdbStore({ dir }), dir };
    },
  ],
];

describe.each(stores)('%s blobs', (_name, make) => {
  it('keeps a blob across a restart, answers null for an unknown one, and deletes it', async () => {
    const { store, reopen, dir } = await make();
    await store.open();
    const bytes = new Uint8Array([1, 2, 3, 250]);
    await store.putBlob('photo_1', bytes);
    bytes[0] = 9; // the store keeps its own copy
    expect(await store.getBlob('photo_1')).toEqual(new Uint8Array([1, 2, 3, 250]));
    expect(await store.getBlob('nope')).toBeNull();
    await store.close();

    const again = reopen();
    await again.open();
    expect(await again.getBlob('photo_1')).toEqual(new Uint8Array([1, 2, 3, 250]));
    if (dir) {
      expect(await readdir(join(dir, 'blobs'))).toEqual(['photo_1']);
      expect((await stat(join(dir, 'blobs', 'photo_1'))).mode & 0o777).toBe(0o600);
      expect(await readFile(join(dir, 'blobs', 'photo_1'))).toEqual(Buffer.from([1, 2, 3, 250]));
    }
    await again.deleteBlob('photo_1');
    await again.deleteBlob('photo_1');
    expect(await again.getBlob('photo_1')).toBeNull();
    await again.close();
  });

  it('lists the blobs it keeps, and never one cut off mid-write by a crash', async () => {
    const { store, dir } = await make();
    await store.open();
    expect(await store.listBlobs()).toEqual([]);
    await store.putBlob('photo_1', new Uint8Array([1]));
    await store.putBlob('photo_2', new Uint8Array([2]));
    if (dir) await writeFile(join(dir, 'blobs', '.photo_3.123.1.tmp'), new Uint8Array([3]));
    expect((await store.listBlobs()).sort()).toEqual(['photo_1', 'photo_2']);
    if (dir) expect((await readdir(join(dir, 'blobs'))).sort()).toEqual(['photo_1', 'photo_2']);
    await store.deleteBlob('photo_1');
    expect(await store.listBlobs()).toEqual(['photo_2']);
    await store.close();
  });

  it('refuses ids that could leave the blob directory', async () => {
    const { store } = await make();
    await store.open();
    await expect(store.putBlob('../manifest.json', new Uint8Array([1]))).rejects.toThrow(/Not a blob id/);
    await expect(store.getBlob('a/b')).rejects.toThrow(/Not a blob id/);
    await store.close();
  });
});
