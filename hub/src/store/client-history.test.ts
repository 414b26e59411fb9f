import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLIENT_MONTHS_DIR } from './client-month-index.ts';
import { LowdbStore } from './lowdb.store.ts';
import { HubModel, makeClient, makeVisit, T0 } from './testing/fixtures.ts';

/**
 * The client's record reads history left on disk (#16): on Node's own file system, months are read by the worker
 * thread (month-reader.ts), found through the per-client index of month files (client-month-index.ts).
 */
const DAY = 24 * 60 * 60 * 1000;
const FIVE_YEARS_BACK = T0 - 5 * 365 * DAY;

describe('LowdbStore.clientHistory', () => {
  let dir: string;
  const open: LowdbStore[] = [];
  const make = (): LowdbStore => {
    const store = new LowdbStore({ dir });
    open.push(store);
    return store;
  };

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'glow-history-'));
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close().catch(() => {})));
    await rm(dir, { recursive: true, force: true });
  });

  /** Sixty months of visits for two clients, checkpointed and closed: all but the last months are cold next start. */
  async function fiveYears(): Promise<HubModel> {
    const hub = new HubModel();
    const store = make();
    await store.open();
    await store.append(hub.seed());
    const visits: Record<string, ReturnType<typeof makeVisit>> = {};
    for (let month = 0; month < 60; month++) {
      const at = FIVE_YEARS_BACK + month * 30 * DAY;
      visits[`a${month}`] = makeVisit(`a${month}`, 'anna', 'closed', at);
      if (month % 2 === 0) visits[`b${month}`] = makeVisit(`b${month}`, 'bo', 'closed', at + DAY);
    }
    await store.append(hub.entry({ clients: { anna: makeClient('anna'), bo: makeClient('bo') }, visits }));
    await store.checkpoint(hub.state, hub.revision);
    await store.append(hub.addClient('cy'));
    await store.close();
    return hub;
  }

  it('reads every cold month of one client off the main thread, and only that client', async () => {
    const hub = await fiveYears();
    const store = make();
    const opened = await store.open();
    const inState = Object.keys(opened!.state.visits).filter((id) => id.startsWith('b'));
    expect(inState.length).toBeLessThan(10); // most of five years stayed on disk
    const history = await store.clientHistory('bo');
    const ids = new Set([...history.map((v) => v.id), ...inState]);
    expect(ids.size).toBe(30);
    expect(history.every((v) => v.clientId === 'bo')).toBe(true);
    expect(history.find((v) => v.id === 'b0')).toEqual(hub.state.visits.b0);
    // Asked again: the same answer (from the brief cache), a copy the caller may change.
    const again = await store.clientHistory('bo');
    again[0]!.ticket = 'Z999';
    expect((await store.clientHistory('bo')).map((v) => v.ticket)).not.toContain('Z999');
  });

  it('names for each client the latest month of hers left on disk, from the index alone', async () => {
    const hub = await fiveYears();
    const store = make();
    const opened = await store.open();
    const months = await store.clientLastMonths();
    // Bo's latest visit on disk: the newest of her (even-month) visits the state does not hold.
    const coldOfBo = Object.values(hub.state.visits).filter((v) => v.clientId === 'bo' && !opened!.state.visits[v.id]);
    const latest = Math.max(...coldOfBo.map((v) => v.times.checked_in!));
    const monthStart = new Date(latest);
    expect(months.get('bo')).toBe(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth(), 1));
    expect(months.has('anna')).toBe(true);
    expect(months.has('cy')).toBe(false); // never visited
  });

  it('rebuilds the index at start when it is missing or damaged', async () => {
    await fiveYears();
    const first = make();
    await first.open();
    const full = (await first.clientHistory('anna')).length;
    await first.close();
    const entries = await readdir(path.join(dir, CLIENT_MONTHS_DIR));
    expect(entries.length).toBeGreaterThan(40);
    await writeFile(path.join(dir, CLIENT_MONTHS_DIR, entries[0]!), '{"file": 12');
    await rm(path.join(dir, CLIENT_MONTHS_DIR, entries[1]!));
    const second = make();
    await second.open();
    expect((await second.clientHistory('anna')).length).toBe(full);
    await second.close();
    await rm(path.join(dir, CLIENT_MONTHS_DIR), { recursive: true });
    const third = make();
    await third.open();
    expect((await third.clientHistory('anna')).length).toBe(full);
  });

  it('refuses a month file whose bytes changed on disk instead of showing them', async () => {
    await fiveYears();
    const store = make();
    await store.open();
    await store.clientHistory('anna');
    await store.close();
    const month = (await readdir(dir)).filter((f) => f.startsWith('visits-')).sort()[0]!;
    const again = make();
    await again.open();
    await writeFile(path.join(dir, month), '{"visits":{}}');
    await expect(again.clientHistory('nobody-cached-yet')).resolves.toEqual([]);
    // Checked against the manifest's SHA-256 when indexed; read by its ranges after: what no longer parses is refused.
    await expect(again.clientHistory('anna')).rejects.toThrow();
    await again.close();
    await rm(path.join(dir, CLIENT_MONTHS_DIR), { recursive: true });
    const third = make();
    await third.open();
    // Not indexed again from damaged bytes: that month is left out (and logged), the others are read.
    const left = await third.clientHistory('anna');
    expect(left.length).toBeGreaterThan(40);
    expect(left.length).toBeLessThan(60);
  });
});
