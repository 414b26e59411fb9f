/**
 * Short substrings ("grams") of each client's search keys, to the clients (their search entries) whose keys hold them (#16): a
 * search looks up the grams of its query and checks only the clients found under the rarest of them, instead of every
 * client of the salon. Every string that contains the query contains each of the query's grams, so no match is ever
 * missed; the caller checks each candidate with its own rule, so a candidate that holds the grams but not the query
 * is not a match. Grams are cut in UTF-16 code units, as `String.includes` compares.
 */
export class GramIndex<T> {
  private readonly postings = new Map<string, Set<T>>();

  /** Grams of every length from `shortest` to `longest`: a query shorter than `longest` is looked up whole. */
  constructor(
    private readonly shortest: number,
    private readonly longest: number,
  ) {}

  add(item: T, texts: readonly string[]): void {
    for (const gram of this.gramsOf(texts)) {
      let ids = this.postings.get(gram);
      if (!ids) this.postings.set(gram, (ids = new Set()));
      ids.add(item);
    }
  }

  remove(item: T, texts: readonly string[]): void {
    for (const gram of this.gramsOf(texts)) {
      const ids = this.postings.get(gram);
      if (!ids) continue;
      ids.delete(item);
      if (ids.size === 0) this.postings.delete(gram);
    }
  }

  /**
   * The clients whose keys may contain `query` (a superset of those that do), or null when the query is shorter than
   * any gram kept and every client has to be checked.
   */
  candidates(query: string): ReadonlySet<T> | null {
    if (query.length < this.shortest) return null;
    if (query.length <= this.longest) return this.postings.get(query) ?? new Set();
    let smallest: ReadonlySet<T> | undefined;
    for (let at = 0; at + this.longest <= query.length; at++) {
      const ids = this.postings.get(query.slice(at, at + this.longest));
      if (!ids) return new Set();
      if (!smallest || ids.size < smallest.size) smallest = ids;
    }
    return smallest ?? new Set();
  }

  clear(): void {
    this.postings.clear();
  }

  private gramsOf(texts: readonly string[]): Set<string> {
    const grams = new Set<string>();
    for (const text of texts) {
      for (let length = this.shortest; length <= this.longest; length++) {
        for (let at = 0; at + length <= text.length; at++) grams.add(text.slice(at, at + length));
      }
    }
    return grams;
  }
}
