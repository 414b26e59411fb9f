import { describe, expect, it } from 'vitest';
import { ReadTurns } from './read-turns.ts';

describe('ReadTurns', () => {
  it('gives each waiting read a turn of its own, in order, with the event loop run in between', async () => {
    const turns = new ReadTurns();
    const log: string[] = [];
    // Something that arrives "meanwhile": a timer due at once and an immediate queued after the reads.
    const reads = [1, 2, 3].map((n) => turns.next().then(() => log.push(`read ${n}`)));
    setImmediate(() => log.push('floor'));
    await Promise.all(reads);
    expect(log.filter((l) => l.startsWith('read'))).toEqual(['read 1', 'read 2', 'read 3']);
    // The floor's callback ran before the second read's turn, not after all three.
    expect(log.indexOf('floor')).toBeLessThan(log.indexOf('read 2'));
  });
});
