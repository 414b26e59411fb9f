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
  | { kind: 'index'; path: string; checksum: string | null }
  | { kind: 'visits'; path: string; checksum: string | null; clientIds: readonly string[] }
  | { kind: 'ranges'; path: string; ranges: ReadonlyArray<readonly [number, number]> };

/** A month indexed: each client's byte ranges (or, laid out otherwise, only who is in it), and each client's visit digests. */
export type MonthIndexJob = ({ ranges: Record<string, Array<[number, number]>> } | { unlaid: string[] }) & {
  digests: Record<string, Array<[string, number, string, string | null]>>;
};

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { readFile } = require('node:fs/promises');
const { createHash } = require('node:crypto');
${pickFromMonth.toString()}
const { open } = require('node:fs/promises');
parentPort.on('message', async ({ id, job }) => {
  try {
    if (job.kind === 'ranges') {
      const handle = await open(job.path, 'r');
      try {
        const out = [];
        for (const [start, length] of job.ranges) {
          const buffer = Buffer.alloc(length);
          const { bytesRead } = await handle.read(buffer, 0, length, start);
          out.push(JSON.parse(buffer.subarray(0, bytesRead).toString('utf8')));
        }
        parentPort.postMessage({ id, ok: true, value: out });
      } finally {
        await handle.close();
      }
      return;
    }
    const bytes = await readFile(job.path);
    if (job.checksum !== null && createHash('sha256').update(bytes).digest('hex') !== job.checksum) {
      throw new Error('its content differs from what was written (SHA-256 does not match the manifest)');
    }
    const text = bytes.toString('utf8');
    parentPort.postMessage({ id, ok: true, value: pickFromMonth(JSON.parse(text), job, text) });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err && err.message ? err.message : String(err) });
  }
});
`;

/**
 * What a job takes from a parsed month file: where each client's visits lie in it (to build the index), or the
 * visits of some clients. A month file is `JSON.stringify({ visits })` as the store wrote it (durable-json-file.ts),
 * so each visit's bytes are exactly JSON.stringify of the parsed visit, one after another: their ranges are counted
 * here and checked against the text; a file laid out otherwise gets no ranges (it is then read whole). Plain
 * JavaScript with no imports: its source is also the worker's.
 */
function pickFromMonth(data: unknown, job: { kind: string; clientIds?: readonly string[] }, text: string): unknown {
  const visits = (data && typeof data === 'object' && (data as { visits?: unknown }).visits) || {};
  const entries = Object.entries(visits as Record<string, { clientId?: unknown }>);
  if (job.kind === 'index') {
    // What the daily sweep sums up of each closed visit (store.port.ts VisitDigest): id, the instant of its salon day,
    // service, beautician; kept beside the ranges so the sweep reads no month (#16).
    const digests: Record<string, Array<[string, number, string, string | null]>> = {};
    for (const [id, visit] of entries as Array<[string, { clientId?: unknown; state?: unknown; serviceId?: unknown; staffId?: unknown; times?: Record<string, unknown> }]>) {
      const times = visit?.times ?? {};
      const at = times.closed ?? times.in_service ?? times.checked_in;
      if (visit?.state !== 'closed' || typeof visit.clientId !== 'string' || typeof at !== 'number' || typeof visit.serviceId !== 'string') continue;
      (digests[visit.clientId] ??= []).push([id, at, visit.serviceId, typeof visit.staffId === 'string' ? visit.staffId : null]);
    }
    const ranges: Record<string, Array<[number, number]>> = {};
    const prefix = '{"visits":{';
    let at = Buffer.byteLength(prefix);
    let laidOut = text.startsWith(prefix);
    for (let i = 0; i < entries.length && laidOut; i++) {
      const [id, visit] = entries[i]!;
      if (i > 0) at += 1; // the comma
      at += Buffer.byteLength(JSON.stringify(id)) + 1; // the key and its colon
      const length = Buffer.byteLength(JSON.stringify(visit));
      if (typeof visit?.clientId === 'string') (ranges[visit.clientId] ??= []).push([at, length]);
      at += length;
    }
    laidOut = laidOut && at + 2 === Buffer.byteLength(text);
    if (laidOut) return { ranges, digests };
    const clients = new Set<string>();
    for (const [, visit] of entries) if (typeof visit?.clientId === 'string') clients.add(visit.clientId);
    return { unlaid: [...clients], digests };
  }
  const wanted = new Set(job.clientIds ?? []);
  return entries.map(([, v]) => v).filter((visit) => typeof visit?.clientId === 'string' && wanted.has(visit.clientId));
}

export class MonthReader {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (err: Error) => void }>();

  /** `fs`: when it is not Node's own (a simulated disk in tests) files are read through it on the main thread. */
  constructor(private readonly fs: StoreFs | null) {}

  /**
   * Reads, checks and indexes a whole month file: each client's byte ranges, or (a file laid out otherwise) only
   * which clients it holds (`unlaid`), whose visits are then read by parsing the file whole; and the digests of each
   * client's closed visits (the daily sweep's summary, no month read for it later).
   */
  indexOf(path: string, checksum: string | null): Promise<MonthIndexJob> {
    return this.run({ kind: 'index', path, checksum }) as Promise<MonthIndexJob>;
  }

  /** Reads only these byte ranges of a month file (the visits the index points at), each parsed on its own. */
  visitsAt(path: string, ranges: ReadonlyArray<readonly [number, number]>): Promise<Visit[]> {
    return this.run({ kind: 'ranges', path, ranges: ranges.map(([a, b]) => [a, b] as const) }) as Promise<Visit[]>;
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
    if (job.kind === 'ranges') {
      return job.ranges.map(([start, length]) => JSON.parse(Buffer.from(bytes.subarray(start, start + length)).toString('utf8')) as unknown);
    }
    if (job.checksum !== null && createHash('sha256').update(bytes).digest('hex') !== job.checksum) {
      throw new StoreError('corrupt', `${job.path}: its content differs from what was written (SHA-256 does not match the manifest)`);
    }
    const text = Buffer.from(bytes).toString('utf8');
    return pickFromMonth(JSON.parse(text), job, text);
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
