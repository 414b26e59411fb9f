import { describe, expect, it } from 'vitest';
import { commandSender } from './002-command-sender.ts';

describe('migration 2: command sender', () => {
  it('gives a record without a sender to nobody', () => {
    expect(commandSender.up({ commands: { c: { at: 1, result: { ok: true } } } })).toEqual({
      commands: { c: { at: 1, result: { ok: true }, sender: '' } },
    });
  });

  it('keeps a recorded sender', () => {
    const data = { commands: { c: { at: 1, sender: 'device:d1', result: null } } };
    expect(commandSender.up(data)).toBe(data);
  });
});
