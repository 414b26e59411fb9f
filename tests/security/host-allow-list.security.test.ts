import { request } from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION } from '@glow/shared';
import { createHttpApp } from '../../hub/src/transport/http/http-app.ts';
import { startHub, type TestHub } from '../support/hub-harness.ts';

/**
 * DNS rebinding (#14): a page on the internet rebinds its own name to the hub's address, so the browser sends that
 * name in Host and Origin alike and the Origin check alone passes. The hub must refuse it on every route and on the
 * socket handshake, and still answer to its own names.
 */
const EVIL = 'rebind.evil.example';

/** A raw HTTP request, so that the Host header is exactly the one a rebinding browser would send. */
function raw(url: string, method: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(method === 'GET' || method === 'HEAD' ? undefined : '{}');
  });
}

describe('host allow-list', () => {
  let t: TestHub;
  let port: string;
  beforeAll(async () => {
    t = await startHub({ staticDirs: true, hostNames: ['salon-hub', 'salon-hub.local'] });
    port = new URL(t.url).port;
  });
  afterAll(async () => {
    await t.stop();
  });

  /** Every route as registered (routes added later are covered without editing this), plus the apps' own paths. */
  const routes = () => [
    ...new Map(
      createHttpApp(t.hub.core)
        .routes.map((r) => ({ method: r.method === 'ALL' ? 'GET' : r.method, path: r.path.replace(/:[A-Za-z]+/g, () => randomBytes(32).toString('base64url')).replace(/\*/g, 'x') }))
        .map((r) => [`${r.method} ${r.path}`, r]),
    ).values(),
    { method: 'GET', path: '/' },
    { method: 'GET', path: '/staff/' },
    { method: 'GET', path: '/manifest.webmanifest' },
  ];

  it('refuses a rebinding request (foreign Host and Origin) on every route, with a message that says what to do', async () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(5);
    for (const { method, path } of all) {
      const res = await raw(t.url, method, path, { host: `${EVIL}:${port}`, origin: `http://${EVIL}:${port}`, 'content-type': 'application/json' });
      expect(res.status, `${method} ${path}`).toBe(421);
      expect(res.body, `${method} ${path}`).toContain(EVIL);
      expect(res.body).toContain('GLOW_HOST_NAMES');
    }
    const zh = await raw(t.url, 'GET', '/api/health', { host: EVIL, 'accept-language': 'zh-CN' });
    expect(JSON.parse(zh.body)).toMatchObject({ ok: false, error: { code: 'forbidden', reason: 'unknown_host' } });
    expect(zh.body).toContain('本集线器不响应名称');
  });

  it('refuses the socket handshake under a foreign Host, on polling and websocket alike', async () => {
    const polling = await raw(t.url, 'GET', '/socket.io/?EIO=4&transport=polling', { host: `${EVIL}:${port}`, origin: `http://${EVIL}:${port}` });
    expect(polling.status).toBe(403);
    expect(polling.body).toContain(EVIL);
    const refused = await new Promise<boolean>((resolve) => {
      const s = io(t.url + NAMESPACES.kiosk, {
        auth: { protocolVersion: PROTOCOL_VERSION },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { host: `${EVIL}:${port}`, origin: `http://${EVIL}:${port}` },
      });
      s.once('connect', () => {
        s.disconnect();
        resolve(false);
      });
      s.once('connect_error', () => {
        s.disconnect();
        resolve(true);
      });
    });
    expect(refused).toBe(true);
  });

  it('records each refusal in the security log with the name that was refused', async () => {
    await raw(t.url, 'GET', '/api/health', { host: 'logged.evil.example' });
    expect(t.hub.core.securityLog.list().some((e) => e.kind === 'host_refused' && e.detail === 'logged.evil.example')).toBe(true);
  });

  it('answers to its own names, loopback and IP addresses', async () => {
    for (const host of [`salon-hub:${port}`, `SALON-HUB.local:${port}`, `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `192.168.1.20:${port}`]) {
      const res = await raw(t.url, 'GET', '/api/health', { host, origin: `http://${host}` });
      expect(res.status, host).toBe(200);
    }
    const ok = await raw(t.url, 'GET', '/socket.io/?EIO=4&transport=polling', { host: `salon-hub.local:${port}`, origin: `http://salon-hub.local:${port}` });
    expect(ok.status).toBe(200);
  });
});
