import { VisitSchema, type Visit } from '@glow/shared';

/** Visits checked by the schema per turn of the event loop: a batch of the follow-up sweep holds ~1,500 of them. */
const CHECKS_PER_TURN = 250;
/** Month files whose checked visits are remembered (a salon keeps five years: 60 months; renamed ones drop out). */
const FILES_REMEMBERED = 240;

/** What the month reader gave back for one file: the visits, and where the index said they lie (null: read whole). */
export type MonthRead = { file: string; ranges: ReadonlyArray<readonly [number, number]> | null; visits: readonly unknown[] };

/**
 * The schema check of visits read from months left on disk (#16), without holding the event loop. Each visit is
 * checked by VisitSchema before it reaches a record or the sweep, as before; what changed is the cost:
 *
 * - the checks run a few hundred per turn, so the sweep's batches (150 clients, ~1,500 visits, 40–80 ms of checks
 *   in one turn when profiled on the large salon) no longer stall check-ins;
 * - a visit read by its byte range is checked once per file: a month file is never rewritten under its name (a
 *   checkpoint that changes a cold month writes a new file), and its bytes were checked whole against the manifest's
 *   SHA-256 when its ranges were indexed, so the same range of the same file parses to the same visit and passes
 *   again. The record of ten tablets paid ~35 µs per visit per open for nothing (profiled: 16 % of the hub's time).
 *   A file read whole (no ranges) is always checked.
 */
export class HistoryChecks {
  /** Per month file: the byte ranges ("start:length") whose visit passed the schema. */
  private readonly passed = new Map<string, Set<string>>();

  async keep(reads: readonly MonthRead[], wanted: ReadonlySet<string>): Promise<Visit[]> {
    const out: Visit[] = [];
    let checked = 0;
    for (const { file, ranges, visits } of reads) {
      const passed = ranges ? this.passedIn(file) : null;
      for (let i = 0; i < visits.length; i++) {
        const visit = visits[i] as Visit | undefined;
        if (!visit || !wanted.has(visit.clientId)) continue;
        const range = ranges?.[i];
        const key = range ? `${range[0]}:${range[1]}` : null;
        if (passed && key !== null && passed.has(key)) {
          out.push(visit);
          continue;
        }
        if (checked > 0 && checked % CHECKS_PER_TURN === 0) await new Promise<void>((resolve) => setImmediate(resolve));
        checked++;
        if (!VisitSchema.safeParse(visit).success) continue;
        if (passed && key !== null) passed.add(key);
        out.push(visit);
      }
    }
    return out;
  }

  private passedIn(file: string): Set<string> {
    let passed = this.passed.get(file);
    if (!passed) {
      if (this.passed.size >= FILES_REMEMBERED) this.passed.delete(this.passed.keys().next().value!);
      this.passed.set(file, (passed = new Set()));
    }
    return passed;
  }
}
