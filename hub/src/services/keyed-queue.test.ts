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

  it('refuses at once when too many hold or wait for one of the keys, and frees the key after a failure', async () => {
    const q = new KeyedQueue(2);
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const first = q.run(['d1'], () => gate.then(() => 1));
    const second = q.run(['d1'], async () => 2);
    expect(await q.run(['d1'], async () => 3)).toBe(QUEUE_FULL);
    expect(await q.run(['d2'], async () => 4)).toBe(4);
    open();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    await expect(q.run(['d1'], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await q.run(['d1'], async () => 5)).toBe(5);
    expect(q.waiting('d1')).toBe(0);
  });
});
