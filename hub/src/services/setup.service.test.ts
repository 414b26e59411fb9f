import { describe, expect, it } from 'vitest';
import { SetupInputSchema } from '@glow/shared';
import { setupCodeFor, sha256 } from '../security/secrets.ts';
import { salonAwaitingSetup } from '../seed/salon-seed.ts';
import { decideSetup, pendingSetupCode, setupPending } from './setup.service.ts';

const NOW = Date.UTC(2026, 11, 3, 9, 0);
const ids = { ownerId: 'owner-1', deviceId: 'device-1', deviceSecret: 's'.repeat(43) };
const credential = { pinHash: 'hash', salt: 'salt' };
const input = (code: string) =>
  SetupInputSchema.parse({
    code,
    salon: { name: 'Rose', languages: ['zh-CN', 'en'], defaultLanguage: 'zh-CN', locale: 'en-US', currency: 'HKD', timeZone: 'Asia/Hong_Kong', closedDates: [] },
    openingHours: [null, { start: '10:00', end: '20:00' }, null, null, null, null, { start: '09:00', end: '18:00' }],
    owner: { name: 'Lily', pin: '2468', pinAgain: '2468' },
    deviceName: 'Owner tablet',
  });

describe('the first-start set-up decision', () => {
  it('saves the salon, the owner as manager (PIN hash only) and their tablet (secret hash only), all in one change', () => {
    const state = salonAwaitingSetup('UTC');
    expect(setupPending(state)).toBe(true);
    const code = pendingSetupCode(state)!;
    expect(code).toBe(setupCodeFor(state.meta.sessionKey));
    const decision = decideSetup(state, NOW, input(code), ids, credential);
    if ('code' in decision) throw new Error(`refused: ${decision.reason}`);
    const { changes } = decision;
    expect(changes.meta?.salon).toMatchObject({ name: 'Rose', setUp: true, languages: ['en', 'zh-CN'], defaultLanguage: 'zh-CN', locale: 'en-US', currency: 'HKD' });
    expect(changes.meta?.floor?.timeZone).toBe('Asia/Hong_Kong');
    expect(changes.meta?.booking?.openingHours[0]).toBeNull();
    expect(changes.meta?.booking?.holdMinutes).toBe(state.meta.booking.holdMinutes);
    expect(changes.staff?.['owner-1']).toMatchObject({ name: 'Lily', role: 'manager', active: true });
    expect(changes.credentials?.['owner-1']).toEqual(credential);
    expect(changes.devices?.['device-1']).toMatchObject({ kind: 'tablet', secretHash: sha256(ids.deviceSecret), revokedAt: null });
    expect(JSON.stringify(changes)).not.toContain(ids.deviceSecret);
    expect(JSON.stringify(changes)).not.toContain(code);
  });

  it('refuses a wrong code, and any code once the salon is set up', () => {
    const state = salonAwaitingSetup('UTC');
    const code = pendingSetupCode(state)!;
    const wrong = code === '0000000000' ? '1111111111' : '0000000000';
    expect(decideSetup(state, NOW, input(wrong), ids, credential)).toMatchObject({ code: 'unauthorized', reason: 'bad_setup_code' });
    state.meta.salon.setUp = true;
    expect(pendingSetupCode(state)).toBeNull();
    expect(decideSetup(state, NOW, input(code), ids, credential)).toMatchObject({ code: 'conflict', reason: 'setup_done' });
  });
});
