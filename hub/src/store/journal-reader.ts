import path from 'node:path';
import type { JournalEntry } from './hub-state.ts';
import { JournalEntrySchema } from './journal-entry.schema.ts';
import { DATA_VERSION, migrate } from './migrations/index.ts';
import type { SegmentRef } from './journal-segments.ts';
import type { StoreFs } from './store-fs.ts';

export type JournalItem =
  | { kind: 'entry'; entry: JournalEntry; line: number }
  | { kind: 'damaged'; line: number; reason: string };

export type ParsedSegment = SegmentRef & {
  items: JournalItem[];
  /** Bytes up to the end of the last complete (newline-terminated) line. */
  goodLength: number;
  /** Bytes after that: a line a crash cut short. Only ever legitimate at the end of the newest segment. */
  tornBytes: number;
};

const NEWLINE = 0x0a;

/**
 * Parses one segment into entries and damaged lines without judging them: whether a damaged line matters depends
 * on which snapshot it is replayed over (see replayJournal). `limit` reads only that many bytes, so a reload sees
 * only what the writer knows to be durable. `dataVersion`: the oldest data version its lines may have been written at;
 * each line's changes are migrated from it before they are checked (lines carry no version, and migrations are
 * idempotent, see migrations/migration.ts).
 */
export async function readSegment(
  fs: StoreFs,
  dir: string,
  ref: SegmentRef,
  limit?: number,
  dataVersion: number = DATA_VERSION,
): Promise<ParsedSegment> {
  const all = Buffer.from(await fs.readFile(path.join(dir, ref.file)));
  const bytes = limit === undefined ? all : all.subarray(0, Math.min(limit, all.length));
  const items: JournalItem[] = [];
  let start = 0;
  let line = 0;
  while (start < bytes.length) {
    const end = bytes.indexOf(NEWLINE, start);
    if (end === -1) break;
    line += 1;
    items.push(parseLine(bytes.toString('utf8', start, end), line, dataVersion));
    start = end + 1;
  }
  // A crash mid-write leaves the start of a JSON line. Zeros (a disk that lost the data but kept the size) or other
  // bytes are damage, not a torn write: reported as a damaged line, so replay refuses rather than silently drops it.
  if (start < bytes.length && !looksLikeTornLine(bytes.subarray(start))) {
    items.push({ kind: 'damaged', line: line + 1, reason: 'the last line is not the start of a journal entry' });
  }
  return { ...ref, items, goodLength: start, tornBytes: bytes.length - start };
}

const OPEN_BRACE = 0x7b;
const looksLikeTornLine = (tail: Uint8Array): boolean => tail[0] === OPEN_BRACE && !tail.includes(0);

function parseLine(text: string, line: number, dataVersion: number): JournalItem {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'damaged', line, reason: 'not valid JSON' };
  }
  if (dataVersion < DATA_VERSION) json = migrateLine(json, dataVersion);
  const result = JournalEntrySchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { kind: 'damaged', line, reason: `not a journal entry (${issue?.path.join('.')}: ${issue?.message})` };
  }
  // The raw JSON (migrated), not zod's output: replay must rebuild exactly what was written.
  return { kind: 'entry', entry: json as JournalEntry, line };
}

/** A line's changes brought to the current data version; anything that is not an entry is left for the check. */
function migrateLine(json: unknown, dataVersion: number): unknown {
  if (typeof json !== 'object' || json === null) return json;
  const changes = (json as { changes?: unknown }).changes;
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) return json;
  return { ...json, changes: migrate(changes as Record<string, unknown>, dataVersion) };
}
