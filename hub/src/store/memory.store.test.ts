import { describe, expect, it } from 'vitest';
import { MemoryStore, emptyMemoryDisk } from './memory.store.ts';
import { StoreError } from './store.port.ts';
import { HubModel } from './testing/fixtures.ts';
import { describeStoreContract } from './testing/store-contract.ts';

describeStoreContract('MemoryStore', async () => {
  const disk = emptyMemoryDisk();
  return {
    create: () => new MemoryStore(disk),
    failNextAppend: (store) => (store as MemoryStore).failNextAppend(),
    dispose: async () => {},
  };
});

describe('MemoryStore', () => {
  it('keeps its disk in the object given to it, so a new store on it is a restart', async () => {
    const disk = emptyMemoryDisk();
    const hub = new HubModel();
    const store = new MemoryStore(disk);
    await store.open();
    await store.append(hub.seed());
    await store.checkpoint(hub.state, 1);
    await store.append(hub.addClient('c1'));
    expect(disk.snapshot?.revision).toBe(1);
    expect(disk.journal.map((e) => e.seq)).toEqual([2]);
    // No close: a crash. The new store sees everything acknowledged.
    expect(await new MemoryStore(disk).open()).toEqual({ state: hub.state, revision: 2 });
  });

  it('fails the next append with the given error', async () => {
    const hub = new HubModel();
    const store = new MemoryStore();
    await store.open();
    const error = new StoreError('io', 'boom');
    store.failNextAppend(error);
    await expect(store.append(hub.seed())).rejects.toBe(error);
  });
});
