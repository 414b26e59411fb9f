import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION, newVisit } from '@glow/shared';
import { createHttpApp } from '../../hub/src/transport/http/http-app.ts';
import { closedFacial } from '../support/aftercare-visit.ts';
import { clientRecordSalon } from '../support/client-record-salon.ts';
import { connectKiosk, connectStaff, expectOk, newCommandId, pairDevice, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { expectExplainedRefusal } from './support/ack-checks.ts';

/**
 * An attacker on the salon's Wi-Fi against the client relationship (#16), written from the issue, not from the
 * implementation's own tests: the kiosk, a tablet nobody signed in on, an unpaired socket and a client's phone reach
 * no client record, search, desk booking, follow-up call or outbox command; a beautician opens only the clients she
 * serves today, and even then no health answers of another beautician's visit; the front desk never reads what a
 * contraindication says (record, search hits, call context); hostile payloads are refused in words and the hub keeps
 * answering.
 */
const CLIENT_COMMANDS = [
  'clients:search',
  'clients:record',
  'clients:edit',
  'clients:merge',
  'clients:classes',
  'desk:slots',
  'desk:hold',
  'desk:book',
  'desk:move',
  'desk:cancel',
  'followUp:record',
  'followUp:context',
  'followUps:saveSettings',
  'outbox:list',
  'outbox:settings',
  'outbox:testSend',
  'outbox:resend',
  'outbox:cancel',
] as const;

/** A plausible payload for each command, so that only the sender (not the shape) can be the reason for a refusal. */
const PAYLOADS: Record<(typeof CLIENT_COMMANDS)[number], Record<string, unknown>> = {
  'clients:search': { query: 'wml' },
  'clients:record': { clientId: 'c-wang' },
  'clients:edit': { clientId: 'c-wang', changes: { notes: 'owned' } },
  'clients:merge': { keepId: 'c-wang', mergeId: 'c-wang2' },
  'clients:classes': { clientIds: ['c-wang'] },
  'desk:slots': { serviceId: 'facial-classic', day: '2030-01-02', staffId: null },
  'desk:hold': { clientId: 'c-wang', serviceId: 'facial-classic', staffId: 'anna', startsAt: Date.now() + 86_400_000 },
  'desk:book': { bookingId: 'b-1' },
  'desk:move': { bookingId: 'b-1', startsAt: Date.now() + 86_400_000 },
  'desk:cancel': { bookingId: 'b-1', reason: 'x' },
  'followUp:record': { taskId: 't-1', outcome: 'reached' },
  'followUp:context': { taskIds: ['t-1'] },
  'followUps:saveSettings': { settings: {} },
  'outbox:list': {},
  'outbox:settings': { smtp: null, webhookUrl: 'http://10.0.0.66/steal', quietHours: null, dailyCap: null, maxAttempts: 1, keepBodiesDays: 1 },
  'outbox:testSend': { channel: 'webhook', to: '+8613800138000' },
  'outbox:resend': { messageId: 'm-1' },
  'outbox:cancel': { messageId: 'm-1' },
};

/** Sends an event on a socket and reports whether any answer came (a listener that answers nothing gives none). */
async function answerTo(socket: Socket, name: string, payload: object, timeoutMs = 400): Promise<unknown | null> {
  try {
    return await socket.timeout(timeoutMs).emitWithAck(name, { commandId: newCommandId(), ...payload });
  } catch {
    return null;
  }
}

function handshake(url: string, auth: object): Promise<{ connected: boolean; code?: string }> {
  return new Promise((resolve) => {
    const s = io(url + NAMESPACES.staff, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
    s.once('connect', () => {
      s.disconnect();
      resolve({ connected: true });
    });
    s.once('connect_error', (err: Error & { data?: { code: string } }) => {
      s.disconnect();
      resolve({ connected: false, ...(err.data?.code ? { code: err.data.code } : {}) });
    });
  });
}

describe('attacker on the Wi-Fi against the client relationship (#16)', () => {
  let t: TestHub;
  let desk: StaffSocket;
  let boss: StaffSocket;
  let mei: StaffSocket;
  let anna: StaffSocket;
  let lina: { clientId: string; path: string; visitId: string };
  const state = () => t.hub.core.engine.state;

  beforeAll(async () => {
    const now = Date.now();
    t = await startHub({
      seed: async () => {
        const timeZone = 'Etc/UTC';
        const s = await clientRecordSalon(now, timeZone);
        // Anna served 王美丽 earlier today: hers to open; the five-year-old visit with its sunburn flag is Mei's.
        s.visits['v-wang-today'] = {
          ...newVisit({ id: 'v-wang-today', ticket: 'A002', clientId: 'c-wang', serviceId: 'facial-classic', language: 'zh-CN', at: now - 2 * 3_600_000 }),
          state: 'closed',
          staffId: 'anna',
          times: { checked_in: now - 2 * 3_600_000, closed: now - 3_600_000 },
        };
        return s;
      },
      timeZone: 'Etc/UTC',
    });
    desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
    boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    mei = (await connectStaff(t, { staffId: 'mei', pin: '1111' })).socket;
    anna = (await connectStaff(t, { staffId: 'anna', pin: '2222' })).socket;
    // A real visit through the kiosk: Lina says she is pregnant; Mei serves her; the desk closes it (aftercare link).
    lina = await closedFacial(t, desk);
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  /** The words of every flag the manager sees on a record: what nobody else may read. */
  async function flagWords(clientId: string): Promise<string[]> {
    const record = expectOk(await send(boss, 'clients:record', { clientId }));
    const words = record.flags.flatMap((f) => Object.values(f.text));
    for (const v of record.visits) for (const a of v.consultation.answers) words.push(...Object.values(a.answer));
    return words.filter((w) => w.length > 3);
  }

  it('the kiosk gets no answer at all to any client, booking, follow-up or outbox command', async () => {
    const kiosk = await connectKiosk(t.url);
    for (const name of CLIENT_COMMANDS) {
      expect(await answerTo(kiosk.socket as unknown as Socket, name, PAYLOADS[name]), name).toBeNull();
    }
    kiosk.socket.disconnect();
    expect(state().clients['c-wang']!.notes ?? '').not.toContain('owned');
  });

  it('a paired tablet nobody signed in on is refused each of them as unauthorized, in words', async () => {
    const { socket } = await connectStaff(t);
    for (const name of CLIENT_COMMANDS) {
      const ack = (await answerTo(socket as unknown as Socket, name, PAYLOADS[name], 3000)) as { ok: boolean; error?: { code: string } } | null;
      expect(ack, name).not.toBeNull();
      expect(ack!.ok, name).toBe(false);
      expect(ack!.error!.code, name).toBe('unauthorized');
      expectExplainedRefusal(ack!.error, 'en', name);
    }
    socket.disconnect();
  });

  it('an unpaired socket, a made-up device and a phone holding an aftercare link cannot open the staff namespace', async () => {
    const token = lina.path.split('/').filter(Boolean)[1]!;
    for (const auth of [
      {},
      { protocolVersion: PROTOCOL_VERSION },
      { protocolVersion: PROTOCOL_VERSION, deviceId: 'phone', deviceSecret: token },
      { protocolVersion: PROTOCOL_VERSION, token, sessionToken: token },
      { protocolVersion: PROTOCOL_VERSION, deviceId: { $ne: null }, deviceSecret: { $ne: null } },
    ]) {
      expect(await handshake(t.url, auth), JSON.stringify(auth)).toMatchObject({ connected: false });
    }
  });

  it('a phone reaches no client data over HTTP: no API route, nothing beside its own link', async () => {
    const app = createHttpApp(t.hub.core);
    const get = (path: string) => app.request(path, { headers: { host: '127.0.0.1:8080' } });
    const page = await get(lina.path);
    expect(page.status).toBe(200);
    const own = await page.text();
    expect(own).not.toMatch(/pregnan/i);
    expect(own).not.toContain('王美丽');
    for (const path of [
      '/api/clients',
      '/api/clients/search?query=wml',
      '/api/clients/c-wang',
      `/api/outbox`,
      `${lina.path}/record`,
      `${lina.path}/../../api/clients/c-wang`,
      `${lina.path}?clientId=c-wang`,
      `/a/${encodeURIComponent('../api/clients')}`,
      '/socket.io/?EIO=4&transport=polling&query=clients:search',
    ]) {
      const res = await get(path);
      const body = await res.text();
      expect(res.status, path).toBeLessThan(500);
      expect(body, path).not.toContain('13800138000');
      expect(body, path).not.toContain('美丽');
      expect(body, path).not.toMatch(/sunburn|pregnan/i);
    }
    for (const path of ['/api/clients/search', `${lina.path}/clients`]) {
      const res = await app.request(path, {
        method: 'POST',
        headers: { host: '127.0.0.1:8080', 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'wml', clientId: 'c-wang' }),
      });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(await res.text(), path).not.toContain('美丽');
    }
  });

  it('a beautician who does not serve her today neither finds nor opens her, nor learns her class or call context', async () => {
    for (const query of ['wml', 'wangmeili', '王美丽', '8000', '13800138000', '+8613800138000']) {
      const hits = expectOk(await send(mei, 'clients:search', { query })).hits.map((h) => h.id);
      expect(hits, query).not.toContain('c-wang');
    }
    const refused = await send(mei, 'clients:record', { clientId: 'c-wang' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    if (!refused.ok) expect(refused.error.message).not.toContain('美丽');
    // A record merged into hers, asked for by its old id, is no way round.
    expect(await send(mei, 'clients:record', { clientId: 'c-wang2' })).toMatchObject({ ok: false });
    expect(expectOk(await send(mei, 'clients:classes', { clientIds: ['c-wang', 'c-wang2', 'c-zoe'] })).classes).toEqual({});
    // Lina's day-1 call (Mei served her): Anna, who did not, gets no context of it.
    const linaTask = Object.values(state().followUpTasks).find((task) => task.clientId === lina.clientId && task.state === 'open');
    expect(linaTask?.assigneeId).toBe('mei');
    expect(expectOk(await send(anna, 'followUp:context', { taskIds: [linaTask!.id] })).contexts).toEqual([]);
    expect(await send(anna, 'followUp:record', { taskId: linaTask!.id, outcome: 'reached' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('the beautician who serves her today opens her record, but not the health answers of another beautician’s visit', async () => {
    const words = await flagWords('c-wang');
    expect(words.length).toBeGreaterThan(0);
    const record = expectOk(await send(anna, 'clients:record', { clientId: 'c-wang' }));
    expect(record.visits.map((v) => v.id)).toContain('v-old');
    const old = record.visits.find((v) => v.id === 'v-old')!;
    expect(old.consultation).toEqual({ status: 'withheld', flags: [], answers: [] });
    const wire = JSON.stringify(record);
    for (const w of words) expect(wire, w).not.toContain(w);
    expect(wire).not.toMatch(/sunburn/i);
    expect(record.changes).toEqual([]);
    // Her search hits carry who and when, never health.
    const hits = expectOk(await send(anna, 'clients:search', { query: 'wml' })).hits;
    expect(hits.map((h) => h.id)).toContain('c-wang');
    expect(JSON.stringify(hits)).not.toMatch(/sunburn|pregnan|flag|health|consult/i);
  });

  it('the front desk learns that a contraindication is on file, never what: record, search, call context, board', async () => {
    const words = await flagWords(lina.clientId);
    expect(words.length).toBeGreaterThan(0);
    const record = expectOk(await send(desk, 'clients:record', { clientId: lina.clientId }));
    expect(record.hasHealthFlags).toBe(true);
    expect(record.flags).toEqual([]);
    const wire = JSON.stringify(record);
    for (const w of words) expect(wire, w).not.toContain(w);
    expect(wire).not.toMatch(/pregnan|isotretinoin/i);
    expect(JSON.stringify(expectOk(await send(desk, 'clients:search', { query: 'Lina' })).hits)).not.toMatch(/pregnan/i);
    const taskIds = Object.values(state().followUpTasks).filter((task) => task.clientId === lina.clientId).map((task) => task.id);
    expect(taskIds.length).toBeGreaterThan(0);
    const contexts = expectOk(await send(desk, 'followUp:context', { taskIds })).contexts;
    expect(contexts.length).toBe(taskIds.length);
    const ctx = JSON.stringify(contexts);
    for (const w of words) expect(ctx, w).not.toContain(w);
    expect(ctx).not.toMatch(/pregnan/i);
  });

  it('no live view carries a contraindication to the desk or a beautician, nor another beautician’s calls', async () => {
    const words = [...(await flagWords('c-wang')), ...(await flagWords(lina.clientId))];
    expect(words.length).toBeGreaterThan(1);
    for (const login of [
      { staffId: 'grace', pin: '4444' },
      { staffId: 'anna', pin: '2222' },
      { staffId: 'mei', pin: '1111' },
    ]) {
      const { snapshot, socket } = await connectStaff(t, login);
      // The questionnaires (the salon's questions and the flags their answers raise) are no client's data: left out.
      const { questionnaires: _questions, ...clientData } = snapshot.view as unknown as Record<string, unknown>;
      const wire = JSON.stringify({ ...snapshot, view: clientData });
      for (const w of words) expect(wire, `${login.staffId}: ${w}`).not.toContain(w);
      expect(wire, login.staffId).not.toMatch(/sunburn|pregnan/i);
      if (login.staffId !== 'grace') {
        const tasks = Object.values(snapshot.view.followUpTasks ?? {});
        expect(tasks.every((task) => task.assigneeId === login.staffId), login.staffId).toBe(true);
        expect(Object.keys(snapshot.view.recordChanges ?? {}), login.staffId).toEqual([]);
      }
      socket.disconnect();
    }
  });

  it('hostile payloads are refused in words, change nothing, pollute nothing, and the hub keeps answering', async () => {
    const before = structuredClone(state().clients['c-wang']);
    const refusals: [string, Awaited<ReturnType<typeof send>>][] = [
      ['huge search', await send(desk, 'clients:search', { query: 'w'.repeat(100_000) })],
      ['search of one space', await send(desk, 'clients:search', { query: '   ' })],
      ['search as an object', await send(desk, 'clients:search', { query: { $regex: '.*' } as unknown as string })],
      ['search as an array', await send(desk, 'clients:search', { query: ['wml'] as unknown as string })],
      ['10,000-character notes', await send(desk, 'clients:edit', { clientId: 'c-wang', changes: { notes: 'n'.repeat(10_000) } })],
      ['notes with control characters', await send(desk, 'clients:edit', { clientId: 'c-wang', changes: { notes: 'a\u0000b\u001b[31m' } })],
      ['a number as the id', await send(desk, 'clients:record', { clientId: 42 as unknown as string })],
      ['a path as the id', await send(desk, 'clients:record', { clientId: '../../etc/passwd' })],
      ['a name of 10,000 characters', await send(desk, 'clients:edit', { clientId: 'c-wang', changes: { firstName: '美'.repeat(10_000) } })],
      ['a birthday as a number', await send(desk, 'clients:edit', { clientId: 'c-wang', changes: { birthday: 19880312 as unknown as string } })],
      ['an impossible birthday', await send(desk, 'clients:edit', { clientId: 'c-wang', changes: { birthday: '2026-02-30' } })],
      ['a field the desk may not set', await send(desk, 'clients:edit', { clientId: 'c-wang', changes: { mergedInto: 'c-zoe' } as never })],
      ['an e-mail with a header after a line break', await send(desk, 'clients:edit', { clientId: 'c-wang', changes: { email: 'a@b.com\r\nBcc: x@evil.example' } })],
      ['a client referred by herself', await send(desk, 'clients:edit', { clientId: 'c-wang', changes: { referredBy: 'c-wang' } })],
      ['an empty change', await send(desk, 'clients:edit', { clientId: 'c-wang', changes: {} })],
      ['10,000-character call note', await send(desk, 'followUp:record', { taskId: 'anything', outcome: 'reached', note: 'x'.repeat(10_000) })],
      ['a call outcome nobody knows', await send(desk, 'followUp:record', { taskId: 'anything', outcome: 'hacked' as never })],
      ['a context of 10,000 tasks', await send(desk, 'followUp:context', { taskIds: Array.from({ length: 10_000 }, (_, i) => `t${i}`) })],
      ['a booking time as a string', await send(desk, 'desk:move', { bookingId: 'b', startsAt: 'tomorrow' as unknown as number })],
      ['a day that is not one', await send(desk, 'desk:slots', { serviceId: 'facial-classic', day: '2026-02-30', staffId: null } as never)],
    ];
    for (const [label, ack] of refusals) {
      expect(ack.ok, label).toBe(false);
      if (!ack.ok) expectExplainedRefusal(ack.error, 'en', label);
    }
    // Prototype pollution: keys a JSON parser makes own properties, sent raw over the socket.
    const raw = desk as unknown as Socket;
    for (const payload of [
      JSON.parse(`{"commandId":"${newCommandId()}","clientId":"c-wang","changes":{"__proto__":{"polluted":"yes"},"notes":"p"}}`),
      JSON.parse(`{"commandId":"${newCommandId()}","clientId":"c-wang","changes":{"constructor":{"prototype":{"polluted":"yes"}}}}`),
      JSON.parse(`{"commandId":"${newCommandId()}","__proto__":{"role":"manager"},"keepId":"c-wang","mergeId":"c-wang2"}`),
    ]) {
      const name = 'mergeId' in payload || 'keepId' in payload ? 'clients:merge' : 'clients:edit';
      const ack = (await raw.timeout(3000).emitWithAck(name, payload)) as { ok: boolean; error?: unknown };
      expect(ack.ok, JSON.stringify(payload)).toBe(false);
      expectExplainedRefusal(ack.error, 'en', name);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).role).toBeUndefined();
    expect(state().clients['c-wang']).toEqual(before);
    expect(state().clients['c-wang2']!.mergedInto).toBeUndefined();

    // A payload over the socket's buffer limit ends that socket only; everyone else, and a new socket, carry on.
    const big = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket as unknown as Socket;
    const gone = new Promise<string>((resolve) => big.once('disconnect', (reason: string) => resolve(reason)));
    big.emit('clients:search', { commandId: newCommandId(), query: 'x'.repeat(5_000_000) });
    expect(await gone).toBeTruthy();
    expect(expectOk(await send(desk, 'clients:search', { query: 'wml' })).hits[0]!.id).toBe('c-wang');
    const again = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
    expect(expectOk(await send(again, 'clients:search', { query: '王美丽' })).hits[0]!.id).toBe('c-wang');
    again.disconnect();
  });

  it('refuses in the user’s language: a Chinese tablet is told in Chinese', async () => {
    const device = await pairDevice(t, 'Chinese desk');
    const zh = io(t.url + NAMESPACES.staff, {
      auth: { protocolVersion: PROTOCOL_VERSION, deviceId: device.deviceId, deviceSecret: device.deviceSecret, language: 'zh-CN' },
      transports: ['websocket'],
      forceNew: true,
    });
    await new Promise<void>((resolve) => zh.once('sync:snapshot', () => resolve()));
    const login = (await zh.timeout(5000).emitWithAck('auth:login', { commandId: newCommandId(), staffId: 'grace', pin: '4444' })) as { ok: boolean };
    expect(login.ok).toBe(true);
    for (const [name, payload] of [
      ['clients:edit', { clientId: 'c-wang', changes: { birthday: '2026-02-30' } }],
      ['clients:edit', { clientId: 'c-wang', changes: { phone: '+8613900139000' } }],
      ['clients:edit', { clientId: 'c-wang', changes: { notes: 'n'.repeat(10_000) } }],
      ['clients:search', { query: 'w'.repeat(1000) }],
    ] as const) {
      const ack = (await zh.timeout(5000).emitWithAck(name, { commandId: newCommandId(), ...payload })) as { ok: boolean; error?: unknown };
      expect(ack.ok, name).toBe(false);
      expectExplainedRefusal(ack.error, 'zh-CN', `${name} ${JSON.stringify(payload).slice(0, 60)}`);
    }
    zh.disconnect();
  });
});
