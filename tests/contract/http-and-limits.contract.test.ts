import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { MAX_PAYLOAD_BYTES, NAMESPACES, PROTOCOL_VERSION } from '@glow/shared';
import { connectKiosk, newCommandId, pairDevice, send, startHub, type TestHub } from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('HTTP routes and limits', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startHub();
  });
  afterEach(async () => {
    await t.stop();
  });

  it('health answers ok with the version and the revision', async () => {
    const res = await fetch(`${t.url}/api/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; version: string; revision: number };
    expect(body).toMatchObject({ ok: true, version: 'test' });
    expect(body.revision).toBe(t.hub.revision);
  });

  it('pairing refuses a wrong code, a used code and a malformed body, naming the field, in the browser’s language', async () => {
    const wrong = await post(`${t.url}/api/devices/pair`, JSON.stringify({ code: '000000', deviceName: 'x', kind: 'tablet' }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'unauthorized', reason: 'bad_pairing_code' } });

    const { code } = await t.hub.createPairingCode();
    const ok = await post(`${t.url}/api/devices/pair`, JSON.stringify({ code, deviceName: 'Front desk', kind: 'tablet' }));
    expect(ok.status).toBe(201);
    const again = await post(`${t.url}/api/devices/pair`, JSON.stringify({ code, deviceName: 'Second', kind: 'tablet' }));
    expect(again.status).toBe(401);

    const malformed = await post(`${t.url}/api/devices/pair`, JSON.stringify({ code: '12', deviceName: '', kind: 'tablet' }), {
      'accept-language': 'zh-CN,zh;q=0.9',
    });
    expect(malformed.status).toBe(400);
    const body = (await malformed.json()) as { error: { issues: { field: string; rule: string; message: string }[] } };
    expect(body.error.issues).toEqual(
      expect.arrayContaining([
        { field: 'code', rule: 'pairing_code_format', message: '配对码应为店长屏幕上显示的 6 位数字。' },
        { field: 'deviceName', rule: 'required', message: '请填写平板名称。' },
      ]),
    );

    const notJson = await post(`${t.url}/api/devices/pair`, '{"code": ');
    expect(notJson.status).toBe(400);
    const form = await fetch(`${t.url}/api/devices/pair`, { method: 'POST', body: 'code=123456' });
    expect(form.status).toBe(415);
  });

  it('refuses oversized bodies with 413 and foreign origins with 403, and unknown API routes with 404', async () => {
    const big = JSON.stringify({ code: '123456', deviceName: 'x'.repeat(MAX_PAYLOAD_BYTES + 10), kind: 'tablet' });
    expect((await post(`${t.url}/api/devices/pair`, big)).status).toBe(413);
    const foreign = await post(`${t.url}/api/devices/pair`, JSON.stringify({ code: '123456', deviceName: 'x', kind: 'tablet' }), {
      origin: 'http://evil.example',
    });
    expect(foreign.status).toBe(403);
    expect((await fetch(`${t.url}/api/nothing-here`)).status).toBe(404);
  });

  it('unknown, malformed and expired aftercare links answer exactly alike', async () => {
    const a = await fetch(`${t.url}/a/${'A'.repeat(43)}`);
    const b = await fetch(`${t.url}/a/not-a-token`);
    expect(a.status).toBe(404);
    expect(b.status).toBe(404);
    expect(await a.text()).toBe(await b.text());
    expect(a.headers.get('cache-control')).toBe('no-store');
  });
});

describe('socket limits and handshakes', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startHub();
  });
  afterEach(async () => {
    await t.stop();
  });

  it('drops a connection that sends a packet over the size limit, and keeps serving others', async () => {
    const { socket } = await connectKiosk(t.url);
    const other = await connectKiosk(t.url);
    const closed = new Promise<string>((r) => socket.once('disconnect', (reason) => r(reason)));
    socket.emit('visit:checkIn', { commandId: newCommandId(), junk: 'x'.repeat(MAX_PAYLOAD_BYTES + 1000) } as never, () => {});
    expect(await closed).toBe('transport close');
    const ack = await send(other.socket, 'visit:checkIn', kioskCheckIn({
      client: { firstName: 'Still', phone: '5550100' },
      serviceId: 'nails-gel',
      language: 'en',
    }));
    expect(ack.ok).toBe(true);
  });

  it('refuses a foreign Origin, an old protocol and an unknown tablet at the handshake, saying why', async () => {
    const attempt = (nsp: string, auth: object, headers: Record<string, string> = {}) =>
      new Promise<{ message: string; data?: { code: string; reason?: string; message: string } }>((resolve) => {
        const s = io(t.url + nsp, { auth, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
        s.once('connect', () => {
          s.disconnect();
          resolve({ message: 'connected' });
        });
        s.once('connect_error', (err: Error & { data?: never }) => {
          s.disconnect();
          resolve({ message: err.message, data: err.data });
        });
      });

    const foreign = await attempt(NAMESPACES.kiosk, { protocolVersion: PROTOCOL_VERSION }, { origin: 'http://evil.example' });
    expect(foreign.message).not.toBe('connected');

    const old = await attempt(NAMESPACES.kiosk, { protocolVersion: PROTOCOL_VERSION - 1, language: 'en' });
    expect(old.data).toMatchObject({ code: 'protocol_mismatch' });

    const stranger = await attempt(NAMESPACES.staff, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: 'nobody',
      deviceSecret: 'x'.repeat(43),
    });
    expect(stranger.data).toMatchObject({ code: 'unauthorized', reason: 'unknown_device' });

    const paired = await pairDevice(t);
    const badSecret = await attempt(NAMESPACES.staff, {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: paired.deviceId,
      deviceSecret: 'y'.repeat(43),
    });
    expect(badSecret.data).toMatchObject({ reason: 'unknown_device' });
    const good = await attempt(NAMESPACES.staff, { protocolVersion: PROTOCOL_VERSION, ...paired });
    expect(good.message).toBe('connected');
  });
});
