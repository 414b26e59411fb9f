import { describe, expect, it } from 'vitest';
import { KeyedQueue, QUEUE_FULL } from './keyed-queue.ts';

const tick = () => new Promise((r) => setImmediate(r));

describe('keyed queue', () => {
  it('runs work on a shared key one at a time, in order, and work on other keys alongside', async () => {
    const q = new KeyedQueue(10);
    const log: string[] = [];
    const gates: Record<string, () => void> = {};
    const job = (name: string) => async () => {
      log.push(`start ${name}`);
      await new Promise<void>((r) => (gates[name] = r));
      log.push(`end ${name}`);
      return name;
    };
    const a = q.run(['d1', 'mei'], job('a'));
    const b = q.run(['d2', 'mei'], job('b'));
    const c = q.run(['d3', 'anna'], job('c'));
    await tick();
    expect(log).toEqual(['start a', 'start c']);
    gates.a!();
    await tick();
    expect(log).toEqual(['start a', 'start c', 'end a', 'start b']);
    gates.b!();
    gates.c!();
    expect(await Promise.all([a, b, c])).toEqual(['a', 'b', 'c']);
    expect(q.waiting('mei')).toBe(0);
  });

  it('refuses at once when too many hold or wait for the sender key (the first), never for a shared one, and frees the key after a failure', async () => {
    const q = new KeyedQueue(2);
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const first = q.run(['d1', 'olivia'], () => gate.then(() => 1));
    const second = q.run(['d1', 'olivia'], async () => 2);
    expect(await q.run(['d1', 'olivia'], async () => 3)).toBe(QUEUE_FULL);
    // Another device waits its turn on Olivia's lane, however full it is, instead of being refused.
    const other = q.run(['d2', 'olivia'], async () => 4);
    expect(await q.run(['d3'], async () => 5)).toBe(5);
    open();
    expect(await Promise.all([first, second, other])).toEqual([1, 2, 4]);
    await expect(q.run(['d1'], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await q.run(['d1'], async () => 6)).toBe(6);
    expect(q.waiting('d1')).toBe(0);
    expect(q.waiting('olivia')).toBe(0);
  });
});
