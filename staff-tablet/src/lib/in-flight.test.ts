import { describe, expect, it } from 'vitest';
import { InFlight } from './in-flight.svelte.ts';

describe('a button whose command is in flight', () => {
  it('sends once for a double tap, and again once the first answer is in', async () => {
    const gate = new InFlight();
    const sent: string[] = [];
    let answer!: () => void;
    const send = () => {
      sent.push('note');
      return new Promise<string>((resolve) => (answer = () => resolve('ok')));
    };
    const first = gate.run('chip-1', send);
    expect(gate.has('chip-1')).toBe(true);
    expect(await gate.run('chip-1', send)).toBeNull();
    expect(sent).toHaveLength(1);
    answer();
    expect(await first).toBe('ok');
    expect(gate.has('chip-1')).toBe(false);
    void gate.run('chip-1', send);
    expect(sent).toHaveLength(2);
  });

  it('lets other buttons through meanwhile', async () => {
    const gate = new InFlight();
    const pending = gate.run('chip-1', () => new Promise(() => {}));
    expect(await gate.run('chip-2', async () => 'ok')).toBe('ok');
    void pending;
  });
});
