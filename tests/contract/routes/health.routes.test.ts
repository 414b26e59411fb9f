import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../hub/src/store/memory.store.ts';
import type { StoreWriteStatus } from '../../../hub/src/store/store.port.ts';
import { healthRoutes } from '../../../hub/src/transport/http/health.routes.ts';
import { startHub, type TestHub } from '../../support/hub-harness.ts';

/** A store whose disk has stopped taking writes (full or failing), as the real store reports it. */
class FullDiskStore extends MemoryStore {
  full = false;
  override writeStatus(): StoreWriteStatus {
    return this.full ? { writable: false, reason: 'ENOSPC: no space left on device' } : super.writeStatus();
  }
}

/** health.routes.ts in-process: up and able to save, or 503 with the reason when the disk stopped taking writes. */
describe('health.routes.ts', () => {
  let t: TestHub | null = null;
  afterEach(async () => {
    await t?.stop();
    t = null;
  });

  it('answers ok with the version and revision, and 503 with the reason once the disk stops taking writes', async () => {
    const store = new FullDiskStore();
    t = await startHub({ store });
    const app = healthRoutes(t.hub.core);
    const ok = await app.request('/');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, writable: true, version: 'test', revision: t.hub.revision });
    store.full = true;
    const full = await app.request('/');
    expect(full.status).toBe(503);
    expect(await full.json()).toMatchObject({ ok: false, writable: false, reason: 'ENOSPC: no space left on device' });
  });
});
