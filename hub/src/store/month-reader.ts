import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Visit } from '@glow/shared';
import { StoreError } from './store.port.ts';
import type { StoreFs } from './store-fs.ts';

/**
 * Reads closed-visit month files left on disk (cold-months.ts) for the client's record (#16). A month of a large salon
 * is several megabytes of JSON: parsing it on the hub's event loop would stall check-ins for tens of milliseconds, so
 * the real store reads, checks and parses it in a worker thread and only the few visits asked for cross back
 * (measured in BENCHMARKS.md, "Client search and record"). Stores on a simulated disk (tests) read on the main thread
 * through their StoreFs, the same checks in the same order.
 *
 * The worker is evaluated from the source below rather than loaded from a file, so it runs alike under tsx and in the
 * esbuild bundle (hub/dist/main.js); it needs nothing but Node's built-ins.
 */
export type MonthJob =
  | { kind: 'clients'; path: string; checksum: string | null }
  | { kind: 'visits'; path: string; checksum: string | null; clientIds: readonly string[] };

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { readFile } = require('node:fs/promises');
const { createHash } = require('node:crypto');
${pickFromMonth.toString()}
parentPort.on('message', async ({ id, job }) => {
  try {
    const bytes = await readFile(job.path);
    if (job.checksum !== null && createHash('sha256').update(bytes).digest('hex') !== job.checksum) {
      throw new Error('its content differs from what was written (SHA-256 does not match the manifest)');
    }
    parentPort.postMessage({ id, ok: true, value: pickFromMonth(JSON.parse(bytes.toString('utf8')), job) });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err && err.message ? err.message : String(err) });
  }
});
`;

/**
 * What a job takes from a parsed month file: its clients (to build the index) or the visits of some clients. Plain
 * JavaScript with no imports: its source is also the worker's.
 */
function pickFromMonth(data: unknown, job: { kind: string; clientIds?: readonly string[] }): unknown {
  const visits = (data && typeof data === 'object' && (data as { visits?: unknown }).visits) || {};
  const all = Object.values(visits as Record<string, { clientId?: unknown }>);
  if (job.kind === 'clients') {
    const ids = new Set<string>();
    for (const visit of all) if (typeof visit?.clientId === 'string') ids.add(visit.clientId);
    return [...ids];
  }
  const wanted = new Set(job.clientIds ?? []);
  return all.filter((visit) => typeof visit?.clientId === 'string' && wanted.has(visit.clientId));
}

export class MonthReader {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();

  /** `fs`: when it is not Node's own (a simulated disk in tests) files are read through it on the main thread. */
  constructor(private readonly fs: StoreFs | null) {}

  clientsOf(path: string, checksum: string | null): Promise<string[]> {
    return this.run({ kind: 'clients', path, checksum }) as Promise<string[]>;
  }

  /** Unchecked shapes: the caller checks what it keeps against the visit schema. */
  visitsOf(path: string, checksum: string | null, clientIds: readonly string[]): Promise<Visit[]> {
    return this.run({ kind: 'visits', path, checksum, clientIds: [...clientIds] }) as Promise<Visit[]>;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const pending of this.waiting.values()) pending.reject(new StoreError('io', 'The store closed.'));
    this.waiting.clear();
    await worker?.terminate();
  }

  private async run(job: MonthJob): Promise<unknown> {
    if (this.fs) return this.runHere(this.fs, job);
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, job });
    });
  }

  private async runHere(fs: StoreFs, job: MonthJob): Promise<unknown> {
    const bytes = await fs.readFile(job.path);
    if (job.checksum !== null && createHash('sha256').update(bytes).digest('hex') !== job.checksum) {
      throw new StoreError('corrupt', `${job.path}: its content differs from what was written (SHA-256 does not match the manifest)`);
    }
    return pickFromMonth(JSON.parse(Buffer.from(bytes).toString('utf8')), job);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    // Idle between records: it must not keep the hub's process alive on shutdown.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const pending = this.waiting.get(reply.id);
      if (!pending) return;
      this.waiting.delete(reply.id);
      if (reply.ok) pending.resolve(reply.value);
      else pending.reject(new StoreError('corrupt', reply.error));
    });
    worker.on('error', (err) => {
      // A crashed worker fails what it held; the next read starts a new one.
      if (this.worker === worker) this.worker = null;
      for (const pending of this.waiting.values()) pending.reject(new StoreError('io', `The month reader stopped: ${err.message}`));
      this.waiting.clear();
    });
    this.worker = worker;
    return worker;
  }
}
