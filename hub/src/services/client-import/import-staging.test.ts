import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS, type ImportRow } from '@glow/shared';
import { ClientIndex } from '../client-index.ts';
import { demoState } from '../test-state.ts';
import { ClientImportStaging, STAGED_IMPORT_TTL_MS } from './import-staging.ts';

const row = (line: number, phone: string): ImportRow => ({ line, firstName: 'Li', lastName: '', phone, birthday: '' });

describe('ClientImportStaging', () => {
  const setup = async () => {
    let now = Date.UTC(2026, 10, 23, 9, 30);
    const state = await demoState();
    const clients = new ClientIndex();
    clients.rebuild(state.clients);
    const staging = new ClientImportStaging({ state: () => state, clients, clock: () => now });
    return { staging, later: (ms: number) => (now += ms) };
  };

  it('keeps a file for the tablet that checked it only, and forgets it after 30 minutes', async () => {
    const { staging, later } = await setup();
    expect(staging.check('device:a', { commandId: 'c1234567', importId: 'f', part: 0, rows: [row(2, '13800138555')] })).toEqual({ accepted: 1, refused: [] });
    expect(staging.rows('device:b', 'f')).toBeUndefined();
    expect(staging.rows('device:a', 'f')).toHaveLength(1);
    later(STAGED_IMPORT_TTL_MS + 1);
    expect(staging.rows('device:a', 'f')).toBeUndefined();
  });

  // A 200,000-row file sent in chunks of 250 (a tablet that skipped its own check): the chunk that would pass
  // 100,000 rows is refused, with the limit for the message. Checking the first 100,000 rows takes seconds on a loaded
  // machine, hence the longer timeout.
  it('refuses a 200,000-row file at the chunk that passes the limit, however it is cut into chunks', { timeout: 120_000 }, async () => {
    const { staging } = await setup();
    const chunk = Array.from({ length: 250 }, (_, i) => row(i + 2, '+999 1234 5678'));
    let refusal: unknown = null;
    let refusedAt = -1;
    for (let part = 0; part < 200_000 / 250 && !refusal; part++) {
      const out = staging.check('device:a', { commandId: 'c1234567', importId: 'f', part, rows: chunk });
      if ('code' in out) [refusal, refusedAt] = [out, part];
    }
    expect(refusal).toMatchObject({ code: 'invalid_input', reason: 'import_too_many_rows', params: { max: IMPORT_MAX_ROWS } });
    expect(refusedAt).toBe(IMPORT_MAX_ROWS / 250);
  });
});
