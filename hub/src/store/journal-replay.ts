import { applyChanges } from './apply-changes.ts';
import { CorruptFileError } from './corrupt-file-error.ts';
import type { HubState, JournalEntry } from './hub-state.ts';
import type { JournalItem, ParsedSegment } from './journal-reader.ts';

export type SkippedLine = { file: string; line: number; reason: string };

/**
 * Replays, over a snapshot taken at `revision`, every journal entry after it, in order, and returns the revision
 * reached and the entries applied. Entries at or before `revision` are already in the snapshot and are skipped;
 * after it, seqs must follow on one by one, or the state would silently miss a command.
 *
 * A damaged line is tolerated only when the snapshot provably covers it: nothing has been applied yet and the next
 * readable entry is at most revision + 1. Anything else is a CorruptFileError naming the file and the line.
 */
export function replayJournal(
  state: HubState,
  revision: number,
  segments: readonly ParsedSegment[],
  onSkipped: (skipped: SkippedLine) => void,
): { revision: number; applied: JournalEntry[] } {
  const flat: Array<{ file: string; item: JournalItem }> = segments.flatMap((segment) =>
    segment.items.map((item) => ({ file: segment.file, item })),
  );
  // The seq of the next readable entry after each position, to judge damaged lines in one pass.
  const nextSeq: Array<number | null> = new Array<number | null>(flat.length);
  let upcoming: number | null = null;
  for (let i = flat.length - 1; i >= 0; i--) {
    nextSeq[i] = upcoming;
    const item = flat[i]?.item;
    if (item?.kind === 'entry') upcoming = item.entry.seq;
  }

  const applied: JournalEntry[] = [];
  let current = revision;
  flat.forEach(({ file, item }, i) => {
    if (item.kind === 'damaged') {
      const next = nextSeq[i] ?? null;
      if (current === revision && next !== null && next <= revision + 1) {
        onSkipped({ file, line: item.line, reason: item.reason });
        return;
      }
      throw new CorruptFileError(file, `line ${item.line} is damaged (${item.reason})`);
    }
    const { seq } = item.entry;
    if (seq <= revision) {
      if (current > revision) {
        throw new CorruptFileError(file, `line ${item.line}: entry ${seq} comes after entry ${current}`);
      }
      return;
    }
    if (seq !== current + 1) {
      const missing = seq > current + 1 ? `; entries ${current + 1}–${seq - 1} are missing` : '';
      const after = current === revision ? `the snapshot at revision ${revision}` : `entry ${current}`;
      throw new CorruptFileError(file, `line ${item.line}: entry ${seq} follows ${after}${missing}`);
    }
    applyChanges(state, item.entry.changes);
    applied.push(item.entry);
    current = seq;
  });
  return { revision: current, applied };
}
