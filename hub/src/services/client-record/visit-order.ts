/** Changed entries kept apart before the order is sorted again (each search merges them in; a sort costs ~5 ms). */
const RESORT_AFTER = 256;

type Ranked = { id: string; lastVisitAt: number | null };

/** The search's first ranking key: the latest visit first, never seen (null) as -1, as `before` compares them. */
const keyOf = (entry: Ranked): number => entry.lastVisitAt ?? -1;
const latestFirst = (a: Ranked, b: Ranked): number => keyOf(b) - keyOf(a);

/**
 * The search's entries by their last visit, latest first (#16), so that a broad query (one or two letters, a part of
 * a number most clients share: thousands of matches on the large salon) walks the clients in ranking order and stops
 * at the first 21 matches, instead of checking every client for the first 20. The order is sorted now and then; the
 * entries changed since (a visit, a new or corrected client) are kept apart and merged in by each walk, and an entry no
 * longer live is skipped. The walk hands over groups of equal last visit, which the caller ranks among themselves by
 * the rest of the ranking (name, id): the order holds only the first key.
 */
export class VisitOrder<E extends Ranked> {
  private order: E[] = [];
  private readonly moved = new Set<E>();

  constructor(
    private readonly live: (entry: E) => boolean,
    private readonly all: () => Iterable<E>,
    private readonly resortAfter = RESORT_AFTER,
  ) {}

  clear(): void {
    this.order = [];
    this.moved.clear();
  }

  /** An entry was added, or its last visit changed. */
  touch(entry: E): void {
    this.moved.add(entry);
  }

  /** Hands over the live entries in groups of equal last visit, latest first, until `take` says it has enough. */
  walk(take: (group: readonly E[]) => boolean): void {
    if (this.moved.size > this.resortAfter) {
      this.order = [...this.all()].sort(latestFirst);
      this.moved.clear();
    }
    const order = this.order;
    const extra = [...this.moved].filter(this.live).sort(latestFirst);
    let i = 0;
    let j = 0;
    const next = (): E | undefined => {
      while (i < order.length && (this.moved.has(order[i]!) || !this.live(order[i]!))) i++;
      const a = order[i];
      const b = extra[j];
      if (a !== undefined && (b === undefined || keyOf(a) >= keyOf(b))) return order[i++];
      return b === undefined ? undefined : extra[j++];
    };
    let group: E[] = [];
    for (let entry = next(); entry !== undefined; entry = next()) {
      if (group.length > 0 && keyOf(entry) !== keyOf(group[0]!)) {
        if (take(group)) return;
        group = [];
      }
      group.push(entry);
    }
    if (group.length > 0) take(group);
  }
}
