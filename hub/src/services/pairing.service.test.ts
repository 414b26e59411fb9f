import { describe, expect, it } from 'vitest';
import { applyChanges } from '../store/apply-changes.ts';
import type { HubState } from '../store/hub-state.ts';
import { isRefusal } from './app-error.ts';
import { decideCreatePairingCode, decidePair } from './pairing.service.ts';
import { demoState } from './test-state.ts';

const NOW = Date.UTC(2026, 0, 5, 10);
const ids = { deviceId: 'dev1', secret: 's'.repeat(32) };

async function withCode(kind: 'tablet' | 'kiosk'): Promise<HubState> {
  const state = await demoState();
  const made = decideCreatePairingCode(NOW, kind, '123456');
  applyChanges(state, made.changes);
  return state;
}

describe('pairing a device of a kind', () => {
  it('a kiosk code pairs a kiosk, which is recorded as one', async () => {
    const state = await withCode('kiosk');
    const paired = decidePair(state, NOW + 1, { code: '123456', deviceName: 'Lobby', kind: 'kiosk' }, ids);
    if (isRefusal(paired)) throw new Error(paired.reason);
    expect(paired.changes.devices?.dev1).toMatchObject({ kind: 'kiosk', name: 'Lobby', revokedAt: null });
  });

  it('a code pairs no device of the other kind, and is not used up by trying', async () => {
    for (const [made, asked] of [
      ['kiosk', 'tablet'],
      ['tablet', 'kiosk'],
    ] as const) {
      const state = await withCode(made);
      const refused = decidePair(state, NOW + 1, { code: '123456', deviceName: 'X', kind: asked }, ids);
      expect(refused).toMatchObject({ code: 'unauthorized', reason: 'pairing_code_kind' });
      const right = decidePair(state, NOW + 1, { code: '123456', deviceName: 'X', kind: made }, ids);
      expect(isRefusal(right)).toBe(false);
    }
  });
});
