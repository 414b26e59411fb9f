import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION, salonFormat } from '@glow/shared';
import { silentLogger } from '../../hub/src/logger.ts';
import { certificateFiles } from '../../hub/src/store/certificate-files.ts';
import { ownCertificates } from '../../hub/src/transport/https/tls-source.ts';
import { startHub, type TestHub } from '../support/hub-harness.ts';

/**
 * HTTPS on the salon's network (#14): the hub serves HTTPS under its LAN name with its own CA, which a client that
 * trusts the CA accepts; the plain-HTTP side only redirects, except the page that helps a new tablet trust the hub.
 * Name resolution is bypassed (connect to 127.0.0.1, present the LAN name as SNI and Host), as a tablet would see it.
 */
const NAME = 'glow-test.lan';

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
function get(secure: boolean, port: number, path: string, headers: Record<string, string> = {}, ca?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const options = { host: '127.0.0.1', port, path, headers: { host: `${NAME}:${port}`, ...headers } };
    const done = (res: import('node:http').IncomingMessage) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    };
    const req = secure ? httpsRequest({ ...options, servername: NAME, ...(ca ? { ca } : {}) }, done) : httpRequest(options, done);
    req.on('error', reject);
    req.end();
  });
}

describe('HTTPS with the hub\'s own CA', () => {
  let t: TestHub;
  let dir: string;
  let httpsPort: number;
  let plainPort: number;
  let ca: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'glow-https-'));
    const tls = ownCertificates({ files: certificateFiles(dir), hubName: 'glow-test', subjects: () => [NAME, 'localhost', '127.0.0.1'], logger: silentLogger });
    t = await startHub({ tls, hostNames: [NAME] });
    httpsPort = Number(new URL(t.url).port);
    plainPort = (await t.hub.listenRedirect(0, '127.0.0.1', '192.168.1.20')).port;
    ca = t.hub.tls?.caCertPem ?? '';
  });
  afterAll(async () => {
    await t.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves HTTPS that a client trusting the hub\'s CA accepts under the LAN name, and a stranger refuses', async () => {
    expect(t.url.startsWith('https://')).toBe(true);
    const ok = await get(true, httpsPort, '/api/health', {}, ca);
    expect(ok.status).toBe(200);
    expect(ok.headers['strict-transport-security']).toBeDefined();
    await expect(get(true, httpsPort, '/api/health')).rejects.toThrow(/self[- ]signed|unable to (get|verify)/i);
  });

  it('opens a socket over HTTPS', async () => {
    const connected = await new Promise<boolean>((resolve) => {
      const s = io(`https://127.0.0.1:${httpsPort}${NAMESPACES.kiosk}`, {
        auth: { protocolVersion: PROTOCOL_VERSION },
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        ca,
        servername: NAME,
        extraHeaders: { host: `${NAME}:${httpsPort}` },
      } as Parameters<typeof io>[1]);
      // Any answer from the hub's namespace (connected, or refused for want of pairing) proves TLS and the handshake.
      s.once('connect', () => (s.disconnect(), resolve(true)));
      s.once('connect_error', (err: Error & { data?: unknown }) => (s.disconnect(), resolve(err.data !== undefined)));
    });
    expect(connected).toBe(true);
  });

  it('plain HTTP only redirects to the same address over HTTPS', async () => {
    for (const path of ['/', '/staff/', '/api/health?x=1']) {
      const res = await get(false, plainPort, path);
      expect(res.status, path).toBe(308);
      expect(res.headers.location).toBe(`https://${NAME}:${httpsPort}${path}`);
    }
    // A client's phone opens its pages over plain HTTP (it never trusts the hub's CA): answered here, not redirected.
    for (const path of ['/a/not-a-real-token-at-all-0000000000', '/b/not-a-real-token-at-all-0000000000']) {
      const page = await get(false, plainPort, path);
      expect(page.status, path).toBe(404);
      expect(page.headers['content-type'], path).toContain('text/html');
    }
    const foreign = await get(false, plainPort, '/', { host: 'evil.example' });
    expect(foreign.status).toBe(421);
  });

  it('serves the trust page over plain HTTP: the CA to download, its fingerprint, steps, a QR code, in both languages', async () => {
    const en = await get(false, plainPort, '/trust');
    expect(en.status).toBe(200);
    const fp = new X509Certificate(ca).fingerprint256;
    expect(en.body).toContain(fp);
    expect(en.body).toContain('/trust/glow-hub-ca.crt');
    for (const text of ['iPad', 'Android', 'Windows', 'Certificate Trust Settings', `https://${NAME}:${httpsPort}/`]) expect(en.body).toContain(text);
    expect(en.body).toContain('<svg');
    expect(en.headers['content-security-policy']).toContain("default-src 'none'");
    const zh = await get(false, plainPort, '/trust', { 'accept-language': 'zh-CN' });
    expect(zh.body).toContain('信任本店的 Glow 集线器');
    expect(zh.body).toContain(fp);
    // When the CA was made, so a tablet holding an older Glow certificate (data restored elsewhere) can tell.
    const madeAt = Date.parse(new X509Certificate(ca).validFrom) + 86_400_000;
    expect(en.body).toContain(`This hub’s certificate was made on ${salonFormat('en', { timeZone: 'UTC' }).longDate(madeAt)} (UTC)`);
    expect(zh.body).toContain(`本集线器的证书制作于 ${salonFormat('zh-CN', { timeZone: 'UTC' }).longDate(madeAt)}`);
    const file = await get(false, plainPort, '/trust/glow-hub-ca.crt');
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/x-x509-ca-cert');
    expect(new X509Certificate(file.body).fingerprint256).toBe(fp);
  });
});
