import { describe, expect, it } from 'vitest';
import { demoSalon } from '../../hub/src/seed/salon-seed.ts';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import { MemoryStore, emptyMemoryDisk } from '../../hub/src/store/memory.store.ts';
import { startHub } from '../support/hub-harness.ts';

/**
 * Fields older data lacks are filled by the numbered data migrations as the store loads it (hub/src/store/migrations,
 * each with its unit test). What remains a start-up upgrade, journaled like a command, is the one that reads across
 * collections: records for the category, skill and equipment ids that services, staff and rooms name.
 */
describe('data written before the salon’s own catalogue lists', () => {
  it('gets a record for each category, skill and equipment id it names, once, journaled', async () => {
    const old = await demoSalon('en', 'UTC');
    const disk = emptyMemoryDisk();
    const t = await startHub({
      store: new MemoryStore(disk),
      // The demo now creates its categories, skills and equipment by command; before, they were ids in the code.
      seed: async () => ({ ...old, categories: {}, skills: {}, equipment: {} }) as HubState,
    });
    try {
      const state = t.hub.core.engine.state;
      expect(Object.keys(state.categories).sort()).toEqual(Object.keys(old.categories).sort());
      expect(state.categories['facial']?.name).toEqual({ en: 'Facial', 'zh-CN': '面部护理' });
      expect(Object.keys(state.skills).length).toBeGreaterThan(0);
      expect(Object.keys(state.equipment).length).toBeGreaterThan(0);
      // The seed is in the first snapshot; the upgrade follows it in the journal, and nothing else does.
      expect(disk.snapshot?.revision).toBe(1);
      expect(disk.journal.map((e) => [e.seq, e.command])).toEqual([[2, 'catalogue:upgrade']]);
    } finally {
      await t.stop();
    }
  });
});
