/**
 * `npm run seed:large -- --data-dir DIR [--seed N] [--anchor YYYY-MM-DD] [--clients N] [--visits N]`
 *
 * Writes the large-salon data set (DESIGN §5) as a real hub data directory, through the hub's own store:
 * LowdbStore.open() on an empty directory → the salon appended as journal entries (the settings and clients first,
 * then one entry per year of closed visits, so that no journal line is hundreds of MB) → checkpoint → close. One
 * more tiny entry and a second checkpoint let the store trim the seed's journal segment, as a hub that has run for
 * years would have done: the directory holds snapshots and a short journal, exactly what the hub reads at start-up.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LowdbStore } from '../../hub/src/store/lowdb.store.ts';
import type { Changes, HubState, JournalEntry } from '../../hub/src/store/hub-state.ts';
import { buildLargeSalon, LARGE_SALON, type LargeSalonInfo } from './lib/large-salon.ts';

export type SeedOptions = { seed?: number; anchor?: number; clients?: number; visits?: number; log?: (line: string) => void };

/** Builds the large salon and writes it to `dir` (which must be empty or missing). */
export async function seedLargeSalon(dir: string, options: SeedOptions = {}): Promise<LargeSalonInfo & { revision: number; ms: number }> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const started = performance.now();
  await mkdir(dir, { recursive: true });
  const existing = await readdir(dir);
  if (existing.length > 0) throw new Error(`seed:large: ${dir} is not empty. Give a new or empty directory.`);

  log(`Building the large salon (${options.clients ?? LARGE_SALON.clients} clients, ${options.visits ?? LARGE_SALON.visits} closed visits)…`);
  const { state, info } = await buildLargeSalon({ ...options, log });
  log(`Writing ${dir} through LowdbStore…`);
  const revision = await writeDataDir(dir, state, info.anchor);
  const ms = Math.round(performance.now() - started);
  log(`Done in ${(ms / 1000).toFixed(1)} s (revision ${revision}).`);
  return { ...info, revision, ms };
}

/** Appends the state as the first journal entries of an empty data directory and checkpoints it. */
export async function writeDataDir(dir: string, state: HubState, at: number): Promise<number> {
  const store = new LowdbStore({ dir });
  const opened = await store.open();
  if (opened) {
    await store.close();
    throw new Error(`seed:large: ${dir} already holds a hub's data (revision ${opened.revision}).`);
  }
  try {
    let seq = 0;
    const append = (command: string, changes: Changes) => {
      const entry: JournalEntry = { seq: ++seq, at, commandId: null, command, changes };
      return store.append(entry);
    };
    const { meta, visits, links, ...settings } = state;
    await append('salon:seed', { meta, ...settings } as Changes);
    // Closed visits and their links, a year at a time.
    const years = new Map<number, { visits: Record<string, unknown>; links: Record<string, unknown> }>();
    const yearOfVisit = new Map<string, number>();
    for (const visit of Object.values(visits)) {
      const year = new Date(visit.times.checked_in ?? 0).getUTCFullYear();
      yearOfVisit.set(visit.id, year);
      if (!years.has(year)) years.set(year, { visits: {}, links: {} });
      years.get(year)!.visits[visit.id] = visit;
    }
    for (const [hash, link] of Object.entries(links)) {
      const year = yearOfVisit.get(link.visitId);
      if (year === undefined) throw new Error(`seed:large: link for unknown visit ${link.visitId}`);
      years.get(year)!.links[hash] = link;
    }
    for (const year of [...years.keys()].sort()) {
      const chunk = years.get(year)!;
      await append('salon:import', { visits: chunk.visits, links: chunk.links } as Changes);
    }
    await store.checkpoint(state, seq);
    // A second, tiny revision and checkpoint: the store then drops the journal segment that holds the seed.
    await append('salon:seeded', { meta: { ticket: state.meta.ticket } });
    await store.checkpoint(state, seq);
    await store.close();
    return seq;
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
}

function parseArgs(argv: string[]): { dir: string; options: SeedOptions } {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dir = value('--data-dir');
  if (!dir) {
    console.error('Usage: npm run seed:large -- --data-dir DIR [--seed N] [--anchor YYYY-MM-DD] [--clients N] [--visits N]');
    process.exit(64);
  }
  const num = (name: string) => (value(name) === undefined ? undefined : Number(value(name)));
  const anchorText = value('--anchor');
  const anchor = anchorText ? Date.parse(`${anchorText}T00:00:00Z`) : undefined;
  if (anchor !== undefined && !Number.isFinite(anchor)) throw new Error(`--anchor: not a date: ${anchorText}`);
  return { dir: resolve(dir), options: { seed: num('--seed'), anchor, clients: num('--clients'), visits: num('--visits') } };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { dir, options } = parseArgs(process.argv.slice(2));
  seedLargeSalon(dir, options).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
