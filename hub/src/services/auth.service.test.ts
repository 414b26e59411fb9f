import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger.ts';
import { hashPin } from '../security/secrets.ts';
import type { HubState } from '../store/hub-state.ts';
import { isRefusal } from './app-error.ts';
import { AuthService } from './auth.service.ts';
import { SecurityLog } from './security-log.ts';

async function service() {
  const now = { value: 1_000_000 };
  const member = (id: string, role: string) => ({ id, name: id, role, skills: [], active: true, weeklyShifts: {} });
  const state = {
    staff: { olivia: member('olivia', 'manager'), grace: member('grace', 'front_desk') },
    credentials: { olivia: await hashPin('9999'), grace: await hashPin('4444') },
  } as unknown as HubState;
  const log = new SecurityLog(() => now.value, silentLogger);
  return { auth: new AuthService(() => state, () => now.value, log), log, now, state };
}

const rogue = { deviceId: 'rogue', address: '10.0.0.66' };
const desk = { deviceId: 'desk', address: '10.0.0.20' };
const reasonOf = (r: unknown) => (isRefusal(r) ? r.reason : 'ok');

describe('auth service', () => {
  it('verifies concurrent attempts on one person one at a time: the fourth already sees the lock-out', async () => {
    const { auth, log } = await service();
    const results = await Promise.all([1, 2, 3, 4].map((i) => auth.login(rogue, 'olivia', `000${i}`)));
    expect(results.map(reasonOf)).toEqual(['bad_pin', 'bad_pin', 'pin_locked', 'pin_locked']);
    expect(log.list().find((e) => e.kind === 'pin_failed')?.count).toBe(3);
  });

  it('refuses at once what queues beyond a few attempts on one device', async () => {
    const { auth } = await service();
    const results = await Promise.all(Array.from({ length: 10 }, () => auth.login(rogue, 'grace', '0000')));
    expect(results.filter((r) => reasonOf(r) === 'pin_busy').length).toBeGreaterThan(0);
  });

  it('locks a person out on the failing device only, and lets the lock age', async () => {
    const { auth, now } = await service();
    for (let i = 0; i < 3; i++) await auth.login(rogue, 'olivia', '0000');
    expect(reasonOf(await auth.login(rogue, 'olivia', '9999'))).toBe('pin_locked');
    expect(reasonOf(await auth.login(desk, 'olivia', '9999'))).toBe('ok');
    now.value += 30_000;
    expect(reasonOf(await auth.login(rogue, 'olivia', '9999'))).toBe('ok');
  });

  it('keeps sessions on the hub: a signed-out, revoked, expired or foreign-device token is not resumed', async () => {
    const { auth, now } = await service();
    const open = async (origin = desk) => {
      const s = await auth.login(origin, 'grace', '4444');
      if (isRefusal(s)) throw new Error(s.reason);
      return s.token;
    };
    const a = await open();
    expect(auth.resume('desk', a)?.staffId).toBe('grace');
    expect(auth.resume('rogue', a)).toBeNull();
    auth.logout(a);
    expect(auth.resume('desk', a)).toBeNull();

    const b = await open();
    auth.endDevice('desk');
    expect(auth.isOpen('desk', b)).toBe(false);

    const c = await open();
    now.value += 12 * 60 * 60 * 1000;
    expect(auth.resume('desk', c)).toBeNull();
    expect(auth.resume('desk', 'made-up')).toBeNull();
  });
});
