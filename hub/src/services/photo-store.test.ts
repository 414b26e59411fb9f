import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import { MemoryStore } from '../store/memory.store.ts';
import { PhotoStore } from './photo-store.ts';

const aPhoto = () => sharp({ create: { width: 40, height: 30, channels: 3, background: '#c87880' } }).png().toBuffer();

async function openStore() {
  const store = new MemoryStore();
  await store.open();
  let n = 0;
  return { store, photos: new PhotoStore(store, () => `blob-${++n}`, silentLogger) };
}

describe('PhotoStore', () => {
  it('keeps a cleaned JPEG under a new id, and discards it again', async () => {
    const { store, photos } = await openStore();
    const photo = await photos.keep(await aPhoto());
    if (typeof photo === 'string') throw new Error(photo);
    expect(photo).toMatchObject({ blobId: 'blob-1', type: 'image/jpeg', width: 40, height: 30 });
    expect((await store.getBlob('blob-1'))?.byteLength).toBe(photo.bytes);
    await photos.discard(photo);
    expect(await store.listBlobs()).toEqual([]);
  });

  it('writes nothing for an upload that is not a photo', async () => {
    const { store, photos } = await openStore();
    expect(await photos.keep(new TextEncoder().encode('%PDF-1.7'))).toBe('photo_not_image');
    expect(await store.listBlobs()).toEqual([]);
  });

  it('sweeps away the photos no complaint names, and keeps the named ones', async () => {
    const { store, photos } = await openStore();
    for (const id of ['named', 'orphan-1', 'orphan-2']) await store.putBlob(id, new Uint8Array([1]));
    const complaint = { photo: { blobId: 'named', type: 'image/jpeg' as const, width: 1, height: 1, bytes: 1 } };
    const state = { complaints: { c1: complaint, c2: { photo: null } } } as never;
    expect(await photos.sweep(state)).toBe(2);
    expect(await store.listBlobs()).toEqual(['named']);
    expect(await photos.sweep(state)).toBe(0);
  });
});
