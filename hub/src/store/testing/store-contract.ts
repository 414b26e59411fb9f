import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_RETENTION_MS } from '../command-retention.ts';
import type { StorePort } from '../store.port.ts';
import { StoreError } from '../store.port.ts';
import { HubModel, makeClient, makeVisit, T0 } from './fixtures.ts';

export type ContractHarness = {
  /** A new store over the same disk, as after a restart (the previous one closed). */
  create(): StorePort;
  /** Makes the next append of `store` (with the others of its group) fail the way a full disk would. */
  failNextAppend(store: StorePort): void;
  dispose(): Promise<void>;
};

/**
 * What every StorePort must do, from the hub's point of view. Run against MemoryStore and LowdbStore so that the
 * store tests the hub relies on hold for the real one too.
 */
export function describeStoreContract(name: string, setup: () => Promise<ContractHarness>): void {
  describe(`${name} — StorePort contract`, () => {
    let harness: ContractHarness;
    const open: StorePort[] = [];
    const create = (): StorePort => {
      const store = harness.create();
      open.push(store);
      return store;
    };

    beforeEach(async () => {
      harness = await setup();
    });
    afterEach(async () => {
      for (const store of open.splice(0)) await store.close().catch(() => {});
      await harness.dispose();
    });

    it('opens an empty store as null', async () => {
      const store = create();
      expect(await store.open()).toBeNull();
      await store.close();
      expect(await create().open()).toBeNull();
    });

    it('gives back, after close and reopen, exactly the state and revision the entries built', async () => {
      const hub = new HubModel();
      const store = create();
      await store.open();
      await store.append(hub.seed());
      const group = [hub.addClient('c1'), hub.checkIn('v1', 'c1'), hub.checkIn('v2', 'c2')];
      await Promise.all(group.map((e) => store.append(e)));
      await store.append(hub.closeVisit('v1'));
      await store.append(hub.entry({ clients: { c2: null } }));
      await store.close();

      const reopened = await create().open();
      expect(reopened).toEqual({ state: hub.state, revision: 6 });
    });

    it('reopens exactly after a checkpoint followed by more appends', async () => {
      const hub = new HubModel();
      const store = create();
      await store.open();
      await store.append(hub.seed());
      for (let i = 0; i < 5; i++) await store.append(hub.checkIn(`v${i}`, `c${i}`));
      await store.checkpoint(hub.state, hub.revision);
      await store.append(hub.closeVisit('v0'));
      await store.append(hub.entry({ visits: { v1: null } }));
      await store.append(hub.entry({ meta: { ticket: { day: '2025-03-14', last: 7 } } }));
      await store.close();

      expect(await create().open()).toEqual({ state: hub.state, revision: hub.revision });
    });

    it('reopens exactly across several checkpoints, and with a final checkpoint at close', async () => {
      const hub = new HubModel();
      let store = create();
      await store.open();
      await store.append(hub.seed());
      for (let round = 0; round < 4; round++) {
        for (let i = 0; i < 3; i++) await store.append(hub.checkIn(`v${round}-${i}`, `c${round}-${i}`));
        await store.append(hub.closeVisit(`v${round}-0`));
        await store.checkpoint(hub.state, hub.revision);
      }
      await store.append(hub.checkIn('last', 'c-last'));
      await store.close({ state: hub.state, revision: hub.revision });

      store = create();
      expect(await store.open()).toEqual({ state: hub.state, revision: hub.revision });
      await store.append(hub.closeVisit('last'));
      await store.close();
      expect(await create().open()).toEqual({ state: hub.state, revision: hub.revision });
    });

    it('keeps entries appended while a checkpoint runs', async () => {
      const hub = new HubModel();
      const store = create();
      await store.open();
      await store.append(hub.seed());
      for (let i = 0; i < 10; i++) await store.append(hub.checkIn(`v${i}`, `c${i}`));
      const done: Promise<void>[] = [store.checkpoint(hub.state, hub.revision)];
      // Same tick as the checkpoint call, then over the next few ticks while it writes.
      done.push(store.append(hub.closeVisit('v0')));
      for (let i = 1; i < 6; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        done.push(store.append(hub.closeVisit(`v${i}`)));
      }
      await Promise.all(done);
      await store.close();

      expect(await create().open()).toEqual({ state: hub.state, revision: hub.revision });
    });

    it('rejects a failed append, and after reload the state does not have it; later appends succeed', async () => {
      const hub = new HubModel();
      const store = create();
      await store.open();
      await store.append(hub.seed());
      await store.append(hub.addClient('c1'));
      const before = structuredClone(hub.state);

      harness.failNextAppend(store);
      const failed = hub.addClient('lost');
      const rejection = await store.append(failed).catch((err: unknown) => err);
      expect(rejection).toBeInstanceOf(StoreError);
      expect((rejection as StoreError).kind).toBe('io');

      const reloaded = await store.reload();
      expect(reloaded).toEqual({ state: before, revision: 2 });

      // The hub continues from the reloaded state: the same seq is used again.
      const after = new HubModel();
      after.state = structuredClone(before);
      after.revision = 2;
      after.at = hub.at;
      await store.append(after.addClient('kept'));
      await store.close();
      expect(await create().open()).toEqual({ state: after.state, revision: 3 });
    });

    it('rejects the entries queued behind a failed group, and out-of-order seqs', async () => {
      const hub = new HubModel();
      const store = create();
      await store.open();
      await store.append(hub.seed());
      harness.failNextAppend(store);
      const results = await Promise.allSettled([store.append(hub.addClient('a')), store.append(hub.addClient('b'))]);
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
      const outOfOrder = await store.append({ ...hub.addClient('c'), seq: 9 }).catch((err: unknown) => err);
      expect(outOfOrder).toBeInstanceOf(StoreError);
      expect(await store.reload()).toMatchObject({ revision: 1 });
    });

    it('rejects an entry that does not match the schema, and its seq stays free', async () => {
      const hub = new HubModel();
      const store = create();
      await store.open();
      await store.append(hub.seed());
      const bad = { seq: 2, at: hub.at, commandId: null, command: 'bad', changes: { clients: { x: { id: 'x' } } } };
      const err = await store.append(bad as never).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).message).toMatch(/Journal entry 2 \(bad\) was not saved/);
      await store.append(hub.addClient('c1'));
      await store.close();
      expect(await create().open()).toEqual({ state: hub.state, revision: 2 });
    });

    it('drops command records older than 24 hours at a checkpoint, not newer ones', async () => {
      const hub = new HubModel();
      const store = create();
      await store.open();
      await store.append(hub.seed());
      await store.append(hub.withCommand({}, 'cmd-old-0001'));
      hub.at += COMMAND_RETENTION_MS + 60_000;
      await store.append(hub.withCommand({}, 'cmd-new-0001'));
      await store.checkpoint(hub.state, hub.revision);
      await store.close();

      const reopened = await create().open();
      expect(Object.keys(reopened?.state.commands ?? {})).toEqual(['cmd-new-0001']);
    });

    it('hands out copies: changing returned or appended objects does not change what is stored', async () => {
      const hub = new HubModel();
      const store = create();
      await store.open();
      const seed = hub.seed();
      await store.append(seed);
      const entry = hub.addClient('c1');
      const appended = store.append(entry);
      (entry.changes.clients as Record<string, unknown>)['c1'] = null;
      await appended;
      await store.checkpoint(hub.state, hub.revision);
      hub.state.clients['c1'] = { ...hub.state.clients['c1']!, firstName: 'Changed after checkpoint' };
      const loaded = await store.reload();
      expect(loaded?.state.clients['c1']?.firstName).toBe('Client c1');
      loaded!.state.meta.salon.name = 'Changed by the hub';
      expect((await store.reload())?.state.meta.salon.name).toBe('Glow Test Salon');
    });

    it("gives a client's finished visits from five years back after a restart (clientHistory), and no one else's", async () => {
      const DAY = 24 * 60 * 60 * 1000;
      const fiveYearsBack = T0 - 5 * 365 * DAY;
      const hub = new HubModel();
      const store = create();
      await store.open();
      await store.append(hub.seed());
      await store.append(
        hub.entry({
          clients: { c1: makeClient('c1'), c2: makeClient('c2') },
          visits: {
            old: makeVisit('old', 'c1', 'closed', fiveYearsBack),
            theirs: makeVisit('theirs', 'c2', 'closed', fiveYearsBack + DAY),
            recent: makeVisit('recent', 'c1', 'closed', T0 - DAY),
          },
        }),
      );
      await store.checkpoint(hub.state, hub.revision);
      await store.append(hub.addClient('c3'));
      await store.close();

      const reopened = create();
      const opened = await reopened.open();
      const history = await reopened.clientHistory('c1');
      expect(history.every((visit) => visit.clientId === 'c1')).toBe(true);
      // What the hub does: the state's visits laid over the history read from disk.
      const ofC1 = Object.values(opened!.state.visits).filter((visit) => visit.clientId === 'c1');
      const all = new Map([...history, ...ofC1].map((visit) => [visit.id, visit]));
      expect([...all.keys()].sort()).toEqual(['old', 'recent']);
      expect(all.get('old')).toEqual(hub.state.visits.old);
      const both = await reopened.clientHistory(['c2', 'c1']);
      expect(both.every((visit) => visit.clientId === 'c1' || visit.clientId === 'c2')).toBe(true);
      expect(await reopened.clientHistory([])).toEqual([]);
      expect(await reopened.clientHistory('nobody')).toEqual([]);
    });

    it('makes close idempotent', async () => {
      const hub = new HubModel();
      const store = create();
      await store.open();
      await store.append(hub.seed());
      await Promise.all([store.close({ state: hub.state, revision: 1 }), store.close()]);
      await store.close();
      expect(await create().open()).toEqual({ state: hub.state, revision: 1 });
    });
  });
}
