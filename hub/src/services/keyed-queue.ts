/** What `KeyedQueue.run` answers instead of running when too many are already waiting on one of the keys. */
export const QUEUE_FULL = Symbol('queue-full');

type Lane = { tail: Promise<void>; waiting: number };

/**
 * Runs async work one at a time per key: a PIN attempt holds its device's lane and its staff member's lane while the
 * PIN is verified (scrypt, asynchronous), so the next attempt on either waits and then sees this one's failure. An
 * attempt takes its place in all its lanes at once (synchronously), so whichever joined first is ahead in every lane
 * the two share: no two attempts can ever wait on each other. The first key is the sender's own (the device): at most
 * `maxWaiting` may hold or wait for it, and more are refused at once, so a flood from one device costs a bounded
 * amount of memory and puts at most that many attempts ahead of anyone else's in a shared lane (the staff member's).
 * The other keys are not bounded: a rogue device must never be able to fill the manager's lane and refuse her.
 */
export class KeyedQueue {
  private readonly lanes = new Map<string, Lane>();

  constructor(private readonly maxWaiting: number) {}

  async run<T>(keys: readonly [string, ...string[]], work: () => Promise<T>): Promise<T | typeof QUEUE_FULL> {
    if ((this.lanes.get(keys[0])?.waiting ?? 0) >= this.maxWaiting) return QUEUE_FULL;
    // Join every lane now (not one after another), so the bound above counts this attempt on all its keys at once.
    const turns = keys.map((k) => this.join(k));
    const releases: (() => void)[] = [];
    try {
      for (const turn of turns) releases.push(await turn);
      return await work();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  /** How many attempts hold or wait for a key (tests, and nothing else). */
  waiting(key: string): number {
    return this.lanes.get(key)?.waiting ?? 0;
  }

  private join(key: string): Promise<() => void> {
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), waiting: 0 };
    this.lanes.set(key, lane);
    lane.waiting += 1;
    let done!: () => void;
    const mine = new Promise<void>((resolve) => (done = resolve));
    const before = lane.tail;
    lane.tail = before.then(() => mine);
    return before.then(() => () => {
      lane.waiting -= 1;
      if (lane.waiting === 0 && this.lanes.get(key) === lane) this.lanes.delete(key);
      done();
    });
  }
}
