import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { MAX_PAYLOAD_BYTES, NAMESPACES, PROTOCOL_VERSION } from '@glow/shared';
import { createHttpApp } from '../../hub/src/transport/http/http-app.ts';
import { LARGEST_BODY_BYTES } from '../../hub/src/transport/http/request-guards.ts';
import { checkIn, connectKiosk, connectStaff, expectOk, newCommandId, pairDevice, pairKiosk, send, startHub, type TestHub } from '../support/hub-harness.ts';

const FOREIGN = 'http://evil.example';
/** Bigger than any body any route takes (the largest is a problem report with its photo). */
const HUGE = LARGEST_BODY_BYTES + 1024;

describe('origins, size limits and link tokens', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
  });
  afterAll(async () => {
    await t.stop();
  });

  /** Every route that changes something, as registered (routes added later are covered without editing this). */
  const mutating = () =>
    [...new Map(createHttpApp(t.hub.core).routes.filter((r) => !['GET', 'HEAD', 'ALL'].includes(r.method)).map((r) => [`${r.method} ${r.path}`, r])).values()].map((r) => ({
      method: r.method,
      path: r.path.replace(/:[A-Za-z]+/g, () => randomBytes(32).toString('base64url')),
    }));

  it('a page from another site is refused on every mutating route (403), whatever the route would say to the token', async () => {
    const routes = mutating();
    expect(routes.length).toBeGreaterThanOrEqual(1);
    for (const { method, path } of routes) {
      for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
        const res = await fetch(t.url + path, { method, headers: { origin: FOREIGN, 'content-type': type }, body: type.includes('json') ? '{}' : 'a=1' });
        expect(res.status, `${method} ${path} (${type})`).toBe(403);
      }
    }
  });

  it('an oversized body gets 413 on every mutating route, and the hub keeps serving', async () => {
    const body = 'a'.repeat(HUGE);
    for (const { method, path } of mutating()) {
      for (const type of ['application/json', 'application/x-www-form-urlencoded']) {
        const res = await fetch(t.url + path, { method, headers: { 'content-type': type }, body });
        expect(res.status, `${method} ${path} (${type})`).toBe(413);
      }
    }
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
  });

  it('a foreign Origin cannot open a socket on either namespace; an oversized packet cuts the connection on both', async () => {
    const device = await pairDevice(t);
    const kiosk = await pairKiosk(t);
    const open = (nsp: string, auth: object, headers: Record<string, string>) =>
      new Promise<Socket | null>((resolve) => {
        const s = io(t.url + nsp, { auth, transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: headers });
        s.once('connect', () => resolve(s));
        s.once('connect_error', () => {
          s.disconnect();
          resolve(null);
        });
      });
    const kioskAuth = { protocolVersion: PROTOCOL_VERSION, ...kiosk, language: 'en' };
    const staffAuth = { protocolVersion: PROTOCOL_VERSION, ...device, language: 'en' };
    expect(await open(NAMESPACES.kiosk, kioskAuth, { origin: FOREIGN })).toBeNull();
    expect(await open(NAMESPACES.staff, staffAuth, { origin: FOREIGN })).toBeNull();
    // The same hub's own origin is welcome (what the apps send).
    const own = { origin: t.url };
    for (const [nsp, auth] of [
      [NAMESPACES.kiosk, kioskAuth],
      [NAMESPACES.staff, staffAuth],
    ] as const) {
      const socket = await open(nsp, auth, own);
      expect(socket, nsp).not.toBeNull();
      const closed = new Promise<string>((r) => socket!.once('disconnect', (reason) => r(reason)));
      socket!.emit('visit:checkIn', { commandId: newCommandId(), junk: 'x'.repeat(MAX_PAYLOAD_BYTES + 1) }, () => {});
      expect(await closed, nsp).toBe('transport close');
    }
  });

  it('guessing aftercare and booking link tokens finds nothing, and every miss looks the same', async () => {
    // One real link exists, so the misses are misses among real data.
    const kiosk = await connectKiosk(t.url);
    const mei = await connectStaff(t, { staffId: 'mei', pin: '1111' });
    const { visitId } = expectOk(await checkIn(kiosk.socket, { firstName: 'Token', phone: '+15550005555' }));
    await new Promise((r) => setTimeout(r, 100));
    for (const step of ['plan:confirm', 'visit:start', 'visit:finish'] as const) expectOk(await send(mei.socket, step, { visitId }));
    const { aftercarePath } = expectOk(await send(mei.socket, 'visit:close', { visitId, rating: { csat: 5 } }));
    expect((await fetch(t.url + aftercarePath)).status).toBe(200);

    const bodies = new Map<string, string>();
    for (const prefix of ['/a/', '/b/']) {
      const guesses = Array.from({ length: 1_000 }, (_, i) =>
        i % 10 === 0 ? aftercarePath.slice(3, -1) + (aftercarePath.endsWith('A') ? 'B' : 'A') : randomBytes(32).toString('base64url'),
      );
      for (let i = 0; i < guesses.length; i += 50) {
        const answers = await Promise.all(guesses.slice(i, i + 50).map((g) => fetch(t.url + prefix + g)));
        for (const res of answers) {
          expect(res.status, prefix).toBe(404);
          expect(res.headers.get('cache-control'), prefix).toContain('no-store');
          const text = await res.text();
          expect(text, prefix).toBe(bodies.get(prefix) ?? text);
          bodies.set(prefix, text);
        }
      }
    }
    // A near miss (the real token with its last character changed) answers exactly as a random guess does.
    const nearMiss = await (await fetch(t.url + '/a/' + aftercarePath.slice(3, -1) + (aftercarePath.endsWith('A') ? 'B' : 'A'))).text();
    const random = await (await fetch(t.url + '/a/' + randomBytes(32).toString('base64url'))).text();
    expect(nearMiss).toBe(random);
    kiosk.socket.disconnect();
    mei.socket.disconnect();
  });
});
