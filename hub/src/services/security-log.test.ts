import { describe, expect, it } from 'vitest';
import type { Logger } from '../logger.ts';
import { SecurityLog } from './security-log.ts';

function recordingLogger() {
  const lines: { level: string; obj: object }[] = [];
  const at = (level: string) => (obj: object) => void lines.push({ level, obj });
  const logger: Logger = { info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
  return { logger, lines };
}

describe('security log', () => {
  it('lists events newest first with the time of the clock and writes one structured warning each', () => {
    let now = 1000;
    const { logger, lines } = recordingLogger();
    const log = new SecurityLog(() => now, logger);
    log.record({ kind: 'pin_failed', deviceId: 'd1', staffId: 'mei', address: '10.0.0.7' });
    now = 2000;
    log.record({ kind: 'origin_refused', detail: 'http://evil.example' });
    expect(log.list()).toEqual([
      { kind: 'origin_refused', deviceId: null, staffId: null, address: null, detail: 'http://evil.example', seq: 2, at: 2000, count: 1 },
      { kind: 'pin_failed', deviceId: 'd1', staffId: 'mei', address: '10.0.0.7', detail: '', seq: 1, at: 1000, count: 1 },
    ]);
    expect(lines).toEqual([
      { level: 'warn', obj: { event: 'pin_failed', deviceId: 'd1', staffId: 'mei', address: '10.0.0.7', detail: '' } },
      { level: 'warn', obj: { event: 'origin_refused', deviceId: null, staffId: null, address: null, detail: 'http://evil.example' } },
    ]);
  });

  it('counts a burst of the same event as one entry and one log line, and starts a new one after a minute', () => {
    let now = 0;
    const { logger, lines } = recordingLogger();
    const log = new SecurityLog(() => now, logger);
    for (let i = 0; i < 5; i++) log.record({ kind: 'pairing_failed', address: '10.0.0.9' });
    now = 60_000;
    log.record({ kind: 'pairing_failed', address: '10.0.0.9' });
    expect(log.list().map((e) => [e.count, e.at])).toEqual([
      [1, 60_000],
      [5, 0],
    ]);
    expect(lines).toHaveLength(2);
  });

  it('keeps the newest events of each kind, so a flood of one kind does not push out another', () => {
    let now = 0;
    const log = new SecurityLog(() => now, recordingLogger().logger, 3);
    log.record({ kind: 'pin_failed', staffId: 'mei' });
    for (let i = 0; i < 5; i++) {
      now += 1;
      log.record({ kind: 'origin_refused', detail: `http://evil${i}.example` });
    }
    expect(log.list().map((e) => e.detail || e.staffId)).toEqual(['http://evil4.example', 'http://evil3.example', 'http://evil2.example', 'mei']);
  });

  it('cuts an over-long detail or address to fit instead of losing the event', () => {
    const log = new SecurityLog(() => 0, recordingLogger().logger);
    log.record({ kind: 'host_refused', address: 'a'.repeat(500), detail: 'h'.repeat(5000) });
    expect(log.list()[0]).toMatchObject({ address: 'a'.repeat(100), detail: 'h'.repeat(200) });
  });

  it('does not list (nor throw on) an event of an unknown kind', () => {
    const { logger, lines } = recordingLogger();
    const log = new SecurityLog(() => 0, logger);
    log.record({ kind: 'nope' } as never);
    expect(log.list()).toEqual([]);
    expect(lines[0]?.level).toBe('error');
  });
});
