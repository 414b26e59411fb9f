import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../hub/src/logger.ts';
import { randomId } from '../../hub/src/security/secrets.ts';
import { PhotoStore } from '../../hub/src/services/photo-store.ts';
import { closedFacial, jpegWithGps } from '../support/aftercare-visit.ts';
import { connectStaff, startHub, type TestHub } from '../support/hub-harness.ts';

/**
 * A client's photo is written to disk before the report that names it is decided (so that the journal never names a
 * photo that is not there). A crash after that write, before a refused report's photo is removed again, leaves the
 * photo of a real client on disk with no record pointing at it: the start-up sweep must remove it, and nothing else.
 */
describe('photos no record names (#12)', () => {
  const open: TestHub[] = [];
  let dataDir = '';
  afterEach(async () => {
    for (const t of open.splice(0)) await t.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('are removed at start-up; photos of reports are kept', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'glow-orphan-'));
    const first = await startHub({ store: 'lowdb', dataDir });
    open.push(first);
    const desk = (await connectStaff(first, { staffId: 'olivia', pin: '9999' })).socket;
    const { path } = await closedFacial(first, desk);
    const page = await (await fetch(`${first.url}${path}/report`)).text();
    const commandId = /name="commandId" value="([^"]+)"/.exec(page)![1]!;
    const form = new FormData();
    for (const [k, v] of Object.entries({ kind: 'reaction', since: 'next_day', description: 'Red patches.', contact: 'call', commandId })) form.set(k, v);
    form.set('photo', new Blob([(await jpegWithGps(32, 32)) as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }), 'a.jpg');
    expect((await fetch(`${first.url}${path}/report`, { method: 'POST', body: form, redirect: 'manual' })).status).toBe(303);
    const [complaint] = Object.values(first.hub.core.engine.state.complaints);
    const kept = complaint!.photo!.blobId;

    // The crash: a second report's photo is on disk (written as the report path writes it), and the hub stops before
    // the refused report's photo is removed; a third photo was cut off mid-write (its temp file).
    const orphan = await new PhotoStore(first.store, randomId, silentLogger).keep(await jpegWithGps(16, 16));
    if (typeof orphan === 'string') throw new Error(orphan);
    await writeFile(join(dataDir, 'blobs', `.${randomId()}.4242.1.tmp`), new Uint8Array([0xff, 0xd8, 0xff]));
    expect((await readdir(join(dataDir, 'blobs'))).length).toBe(3);
    open.pop();
    await first.stop();

    const second = await startHub({ store: 'lowdb', dataDir });
    open.push(second);
    expect(await readdir(join(dataDir, 'blobs'))).toEqual([kept]);
    expect(await second.store.getBlob(orphan.blobId)).toBeNull();
    expect((await second.store.getBlob(kept))?.byteLength).toBe(complaint!.photo!.bytes);
  });
});
