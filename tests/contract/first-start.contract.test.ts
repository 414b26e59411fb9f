import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION, type KioskSnapshot, type SetupInput, type StaffSnapshot } from '@glow/shared';
import { io } from 'socket.io-client';
import { salonAwaitingSetup } from '../../hub/src/seed/salon-seed.ts';
import { pendingSetupCode } from '../../hub/src/services/setup.service.ts';
import { connectKiosk, connectStaff, nextEvent, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

/**
 * First start (#13): a hub on an empty data directory waits for its owner. The set-up code (printed, never stored)
 * opens one set-up that saves everything or nothing; wrong codes are refused and limited; the kiosk is refused until
 * the salon is set up; PINs are set by the manager or changed by their owner with the current PIN, hashed only.
 */

const OWNER_PIN = '482913';
const setupBody = (code: string, over: Partial<SetupInput> = {}): SetupInput => ({
  code,
  salon: { name: 'Rose Beauty', languages: ['zh-CN', 'en'], defaultLanguage: 'zh-CN', locale: 'en-GB', currency: 'CNY', timeZone: 'Asia/Shanghai', closedDates: ['2027-02-10'] },
  openingHours: [null, { start: '10:00', end: '20:00' }, { start: '10:00', end: '20:00' }, { start: '10:00', end: '20:00' }, { start: '10:00', end: '20:00' }, { start: '10:00', end: '21:00' }, { start: '09:00', end: '18:00' }],
  owner: { name: 'Lily Zhang', pin: OWNER_PIN, pinAgain: OWNER_PIN },
  deviceName: 'Owner’s tablet',
  ...over,
});

async function post(url: string, path: string, body: unknown, language = 'en') {
  const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': language }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as { ok?: false; error?: { code: string; reason?: string; message: string; issues?: { field: string; rule: string; message: string }[] } } & Record<string, unknown> };
}

/** Every journal line the hub wrote, as text. */
async function journalText(dataDir: string): Promise<string> {
  const files = (await readdir(dataDir)).filter((f) => f.startsWith('journal-'));
  return (await Promise.all(files.map((f) => readFile(join(dataDir, f), 'utf8')))).join('\n');
}

/** Every file in the data directory, as text: nothing secret may be in any of them. */
async function dataDirText(dataDir: string): Promise<string> {
  const files = await readdir(dataDir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(files.filter((f) => f.isFile()).map((f) => readFile(join(f.parentPath, f.name), 'utf8').catch(() => '')));
  return texts.join('\n');
}

describe('first start on an empty data directory', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  it('asks for the set-up code, refuses the kiosk until the salon is set up, then saves it all at once', async () => {
    h = await startHub({ store: 'lowdb', seed: async () => salonAwaitingSetup('UTC') });
    const code = pendingSetupCode(h.hub.core.engine.state)!;
    expect(code).toMatch(/^\d{10}$/);

    expect(await (await fetch(`${h.url}/api/setup`)).json()).toEqual({ needed: true });

    // A kiosk paired with the banner's kiosk code is told the salon is not set up, and its check-ins are refused.
    const kiosk = await connectKiosk(h.url);
    expect(kiosk.snapshot.salon.setUp).toBe(false);
    const early = await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({ client: { firstName: 'Ann', lastName: 'Lee', phone: '+44 7700 900123' }, serviceId: 'any', language: 'en' }));
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.reason).toBe('salon_not_open');
    const zhKiosk = await connectKiosk(h.url, 'zh-CN');
    const zhEarly = await send(zhKiosk.socket, 'visit:checkIn', kioskCheckIn({ client: { firstName: 'Ann', lastName: 'Lee', phone: '+44 7700 900124' }, serviceId: 'any', language: 'zh-CN' }));
    if (!zhEarly.ok) expect(zhEarly.error.message).toContain('还没有开始营业');
    else throw new Error('a check-in before the set-up was accepted');

    // The code is checked first; a wrong one is refused with a message in the sender's language.
    expect((await post(h.url, '/api/setup/code', { code })).status).toBe(200);
    expect((await post(h.url, '/api/setup/code', { code: '123 45' })).body.error?.issues?.[0]?.rule).toBe('setup_code_format');
    const wrong = await post(h.url, '/api/setup/code', { code: code === '0000000000' ? '1111111111' : '0000000000' }, 'zh-CN');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.reason).toBe('bad_setup_code');
    expect(wrong.body.error?.message).toContain('设置码错误');

    // Bad input is named per field, and nothing is saved.
    const bad = await post(
      h.url,
      '/api/setup',
      setupBody(code, {
        salon: { ...setupBody(code).salon, timeZone: 'Mars/Olympus_Mons', currency: 'XYZ', defaultLanguage: 'en', languages: ['zh-CN'] },
        openingHours: [null, { start: '18:00', end: '09:00' }, null, null, null, null, null],
        owner: { name: 'Lily Zhang', pin: '12', pinAgain: '12' },
      }),
    );
    expect(bad.status).toBe(400);
    const rules = Object.fromEntries((bad.body.error?.issues ?? []).map((i) => [i.field, i.rule]));
    expect(rules).toMatchObject({
      'salon.timeZone': 'time_zone_unknown',
      'salon.currency': 'currency_unknown',
      'salon.defaultLanguage': 'default_language_not_offered',
      'openingHours.1.end': 'hours_order',
      'owner.pin': 'pin_format',
    });
    const mismatch = await post(h.url, '/api/setup', setupBody(code, { owner: { name: 'Lily', pin: '4829', pinAgain: '4828' } }), 'zh-CN');
    expect(mismatch.body.error?.issues).toEqual([expect.objectContaining({ field: 'owner.pinAgain', rule: 'pin_mismatch', message: '两次输入的 PIN 不一致。请把新 PIN 输入两次。' })]);
    expect(h.hub.core.engine.state.meta.salon.setUp).toBe(false);
    expect(Object.keys(h.hub.core.engine.state.staff)).toEqual([]);

    // The set-up: one request, the tablet paired as the owner's and signed in as them.
    const kioskSnapshot = nextEvent<KioskSnapshot>(kiosk.socket as unknown as Socket, 'sync:snapshot');
    const done = await post(h.url, '/api/setup', setupBody(code));
    expect(done.status).toBe(201);
    const result = done.body as unknown as { deviceId: string; deviceSecret: string; session: { staffId: string; role: string; token: string } };
    expect(result.session.role).toBe('manager');
    // The kiosk learns at once that the salon is open; check-ins are no longer refused for it.
    expect((await kioskSnapshot).salon).toMatchObject({ setUp: true, name: 'Rose Beauty', currency: 'CNY', timeZone: 'Asia/Shanghai', languages: ['en', 'zh-CN'] });
    const after = await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({ client: { firstName: 'Ann', lastName: 'Lee', phone: '+44 7700 900125' }, serviceId: 'any', language: 'en' }));
    if (!after.ok) expect(after.error.reason).not.toBe('salon_not_open');

    const owner: StaffSocket = io(h.url + NAMESPACES.staff, {
      auth: { protocolVersion: PROTOCOL_VERSION, deviceId: result.deviceId, deviceSecret: result.deviceSecret, sessionToken: result.session.token, language: 'en' },
      transports: ['websocket'],
      forceNew: true,
    });
    try {
      const snapshot = await nextEvent<StaffSnapshot>(owner as unknown as Socket, 'sync:snapshot');
      expect(snapshot.session?.name).toBe('Lily Zhang');
      expect(snapshot.salon).toMatchObject({ locale: 'en-GB', closedDates: ['2027-02-10'], defaultLanguage: 'zh-CN' });
      expect(snapshot.view.settings.floor?.timeZone).toBe('Asia/Shanghai');
      expect(snapshot.view.salonSettings.settings?.booking.openingHours[5]).toEqual({ start: '10:00', end: '21:00' });
    } finally {
      owner.disconnect();
    }

    // Once: a second set-up, or the code, is refused alike whatever code is sent.
    expect((await post(h.url, '/api/setup', setupBody(code))).body.error?.reason).toBe('setup_done');
    expect((await post(h.url, '/api/setup/code', { code })).status).toBe(409);
    expect(await (await fetch(`${h.url}/api/setup`)).json()).toEqual({ needed: false });
    expect(pendingSetupCode(h.hub.core.engine.state)).toBeNull();

    // Nothing secret in plain text on disk: neither the code, nor the PIN, nor the device secret; the PIN as a hash.
    await h.hub.stop();
    const disk = await dataDirText(h.dataDir!);
    expect(disk).not.toContain(code);
    expect(disk).not.toContain(OWNER_PIN);
    expect(disk).not.toContain(result.deviceSecret);
    expect(await journalText(h.dataDir!)).toContain('pinHash');
  });

  it('limits wrong set-up codes per sender: after ten, even the right code waits', async () => {
    h = await startHub({ seed: async () => salonAwaitingSetup('UTC') });
    const code = pendingSetupCode(h.hub.core.engine.state)!;
    const wrongCode = code === '0000000000' ? '1111111111' : '0000000000';
    for (let i = 0; i < 10; i++) expect((await post(h.url, '/api/setup/code', { code: wrongCode })).status).toBe(401);
    const limited = await post(h.url, '/api/setup/code', { code });
    expect(limited.status).toBe(429);
    expect(limited.body.error?.reason).toBe('setup_limited');
    expect((await post(h.url, '/api/setup', setupBody(code))).status).toBe(429);
    expect(h.hub.core.engine.state.meta.salon.setUp).toBe(false);
    // Their own kinds in the manager's security list, not wrong pairing codes.
    const kinds = h.hub.core.securityLog.list().map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['setup_code_failed', 'setup_code_limited']));
    expect(kinds).not.toContain('pairing_failed');
  });

  it('a set-up hub (the demo) has no set-up code and asks for none', async () => {
    h = await startHub();
    expect(pendingSetupCode(h.hub.core.engine.state)).toBeNull();
    expect(await (await fetch(`${h.url}/api/setup`)).json()).toEqual({ needed: false });
  });
});

describe('PINs on the one command path', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  it('only the manager sets anyone’s PIN; everyone changes their own with the current one; the journal holds hashes only', async () => {
    h = await startHub({ store: 'lowdb' });
    const mei = await connectStaff(h, { staffId: 'mei', pin: '1111' });
    const grace = await connectStaff(h, { staffId: 'grace', pin: '4444' });
    const olivia = await connectStaff(h, { staffId: 'olivia', pin: '9999' });

    // Roles: a beautician and the front desk may not set another's PIN, nor change the salon's settings.
    for (const who of [mei, grace]) {
      const refused = await send(who.socket, 'staff:setPin', { staffId: 'anna', pin: '5555', pinAgain: '5555' });
      expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
      const settings = await send(who.socket, 'settings:salon', { name: 'X', languages: ['en'], defaultLanguage: 'en', locale: 'en-GB', currency: 'CNY', timeZone: 'UTC', closedDates: [] });
      expect(settings.ok ? 'ok' : settings.error.code).toBe('forbidden');
    }

    // The manager resets Anna's PIN: typed twice, the new one works, the old one no longer does.
    const mismatch = await send(olivia.socket, 'staff:setPin', { staffId: 'anna', pin: '5555', pinAgain: '5556' });
    expect(mismatch.ok ? [] : mismatch.error.issues?.map((i) => i.rule)).toEqual(['pin_mismatch']);
    expect((await send(olivia.socket, 'staff:setPin', { staffId: 'anna', pin: '246810', pinAgain: '246810' })).ok).toBe(true);
    const tablet = await connectStaff(h);
    expect((await send(tablet.socket, 'auth:login', { staffId: 'anna', pin: '2222' })).ok).toBe(false);
    expect((await send(tablet.socket, 'auth:login', { staffId: 'anna', pin: '246810' })).ok).toBe(true);
    expect((await send(olivia.socket, 'staff:setPin', { staffId: 'nobody', pin: '2468', pinAgain: '2468' })).ok).toBe(false);

    // Mei changes her own: the current PIN is required, a wrong one counts towards the lock-out like a sign-in.
    const noOld = await send(mei.socket, 'auth:changePin', { pin: '7777', pinAgain: '7777' } as never);
    expect(noOld.ok ? [] : noOld.error.issues?.map((i) => i.field)).toContain('oldPin');
    const wrongOld = await send(mei.socket, 'auth:changePin', { oldPin: '0000', pin: '7777', pinAgain: '7777' });
    expect(wrongOld.ok ? 'ok' : wrongOld.error.reason).toBe('bad_old_pin');
    expect((await send(mei.socket, 'auth:changePin', { oldPin: '0001', pin: '7777', pinAgain: '7777' })).ok).toBe(false);
    const locked = await send(mei.socket, 'auth:changePin', { oldPin: '0002', pin: '7777', pinAgain: '7777' });
    expect(locked.ok ? 'ok' : locked.error.reason).toBe('pin_locked');
    // Locked means locked: even the right current PIN waits.
    const stillLocked = await send(mei.socket, 'auth:changePin', { oldPin: '1111', pin: '7777', pinAgain: '7777' });
    expect(stillLocked.ok ? 'ok' : stillLocked.error.reason).toBe('pin_locked');

    // Grace (on her own tablet, not locked) changes hers; a retry of the same command answers the same and changes nothing.
    const commandId = 'cmd-change-pin-grace-1';
    expect((await send(grace.socket, 'auth:changePin', { commandId, oldPin: '4444', pin: '135790', pinAgain: '135790' })).ok).toBe(true);
    expect((await send(grace.socket, 'auth:changePin', { commandId, oldPin: '4444', pin: '135790', pinAgain: '135790' })).ok).toBe(true);
    const other = await connectStaff(h);
    expect((await send(other.socket, 'auth:login', { staffId: 'grace', pin: '4444' })).ok).toBe(false);
    expect((await send(other.socket, 'auth:login', { staffId: 'grace', pin: '135790' })).ok).toBe(true);

    await h.hub.stop();
    const journal = await journalText(h.dataDir!);
    expect(journal).toContain('staff:setPin');
    expect(journal).toContain('auth:changePin');
    for (const pin of ['246810', '135790']) expect(journal).not.toContain(pin);
  });

  it('the manager changes the salon’s own settings; every screen gets them at once', async () => {
    h = await startHub();
    const olivia = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const kiosk = await connectKiosk(h.url);
    const bad = await send(olivia.socket, 'settings:salon', { name: '', languages: [], defaultLanguage: 'en', locale: 'en-XX' as never, currency: 'cny', timeZone: 'Nowhere', closedDates: ['2027-02-30'] });
    expect(bad.ok ? [] : bad.error.issues?.map((i) => `${i.field}:${i.rule}`).sort()).toEqual(
      ['closedDates.0:closed_date_format', 'currency:currency_unknown', 'languages:languages_required', 'locale:locale_unknown', 'name:required', 'timeZone:time_zone_unknown'].sort(),
    );
    const fresh = nextEvent<KioskSnapshot>(kiosk.socket as unknown as Socket, 'sync:snapshot');
    const ok = await send(olivia.socket, 'settings:salon', { name: 'Glow Soho', languages: ['en', 'zh-CN'], defaultLanguage: 'en', locale: 'en-US', currency: 'GBP', timeZone: 'Europe/London', closedDates: ['2027-12-25'] });
    expect(ok.ok).toBe(true);
    expect((await fresh).salon).toMatchObject({ name: 'Glow Soho', locale: 'en-US', currency: 'GBP', timeZone: 'Europe/London', closedDates: ['2027-12-25'] });
  });
});
