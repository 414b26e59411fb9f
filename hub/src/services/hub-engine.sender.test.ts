import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import { blankState } from '../store/blank-state.ts';
import { MemoryStore } from '../store/memory.store.ts';
import { HubEngine } from './hub-engine.ts';

async function engine() {
  const e = new HubEngine(
    { store: new MemoryStore(), clock: () => 1000, logger: silentLogger, seed: async () => blankState() },
    { followUp: () => null, applied: () => {}, committed: () => {}, reset: () => {} },
  );
  await e.open();
  return e;
}

const secretAnswer = () => ({ changes: {}, result: { secret: 'for-the-first-sender' } });

describe('command records belong to their sender', () => {
  it('answers a retry from the same sender with the first answer, and refuses the id to any other sender', async () => {
    const e = await engine();
    const meta = { command: 'test:secret', commandId: 'cmd-00000001', language: 'en' as const };
    const first = await e.execute({ ...meta, sender: 'device:manager' }, secretAnswer);
    expect(first).toEqual({ ok: true, data: { secret: 'for-the-first-sender' } });
    let decided = 0;
    const retry = await e.execute({ ...meta, sender: 'device:manager' }, () => (decided++, secretAnswer()));
    expect(retry).toEqual(first);
    expect(decided).toBe(0);

    const other = await e.execute({ ...meta, sender: 'device:kiosk' }, () => (decided++, secretAnswer()));
    expect(other.ok).toBe(false);
    expect(!other.ok && other.error).toMatchObject({ code: 'conflict', reason: 'command_id_taken' });
    expect(JSON.stringify(other)).not.toContain('for-the-first-sender');
    expect(decided).toBe(0);
    expect(e.answered('cmd-00000001', 'device:manager')).toBe(true);
    expect(e.answered('cmd-00000001', 'device:kiosk')).toBe(false);
  });

  it('refuses the id to another sender while the first is still being written', async () => {
    const e = await engine();
    const meta = { command: 'test:secret', commandId: 'cmd-00000002', language: 'en' as const };
    const first = e.execute({ ...meta, sender: 'device:manager' }, secretAnswer);
    const other = await e.execute({ ...meta, sender: 'device:kiosk' }, secretAnswer);
    expect(!other.ok && other.error.reason).toBe('command_id_taken');
    expect((await first).ok).toBe(true);
  });
});
