import { describe, expect, it } from 'vitest';
import { demoSalon } from '../../hub/src/seed/salon-seed.ts';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import { MemoryStore, emptyMemoryDisk } from '../../hub/src/store/memory.store.ts';
import { startHub } from '../support/hub-harness.ts';

describe('data written before the live floor', () => {
  it('gets the default floor settings (in the hub’s time zone) and an empty incident list once, journaled', async () => {
    const old = await demoSalon('en', 'UTC');
    const { floor: _floor, incidents: _incidents, ...meta } = old.meta;
    const disk = emptyMemoryDisk();
    const t = await startHub({
      store: new MemoryStore(disk),
      timeZone: 'Asia/Shanghai',
      // Data from before the salon's own lists too: the demo now creates its categories, skills and equipment by command.
      seed: async () => ({ ...old, categories: {}, skills: {}, equipment: {}, meta } as unknown as HubState),
    });
    try {
      expect(t.hub.core.engine.state.meta.floor).toEqual({ autoAssign: true, preferredWaitLimitMin: 20, timeZone: 'Asia/Shanghai' });
      expect(t.hub.core.engine.state.meta.incidents).toEqual({});
      // The seed is in the first snapshot; the upgrade follows it in the journal.
      expect(disk.snapshot?.revision).toBe(1);
      // Then the catalogue's own upgrade, which gives data from before the salon's own categories, skills and equipment
      // their records.
      expect(disk.journal.map((e) => [e.seq, e.command])).toEqual([[2, 'salon:upgrade'], [3, 'catalogue:upgrade']]);
    } finally {
      await t.stop();
    }
  });
});
