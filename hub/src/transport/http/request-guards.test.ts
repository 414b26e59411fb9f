import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger.ts';
import { SecurityLog } from '../../services/security-log.ts';
import { foreignOriginGuard, isCrossSiteForm, isForeignOrigin, limitBody } from './request-guards.ts';

const HOST = 'glow.local:8443';

/** A bare app that answers what each guard decides about a request. */
function probe() {
  const app = new Hono();
  app.all('/decide', (c) => c.json({ api: isForeignOrigin(c, 'refuse'), phone: isForeignOrigin(c, 'allow'), form: isCrossSiteForm(c) }));
  return async (headers: Record<string, string>) => (await app.request('/decide', { method: 'POST', headers: { host: HOST, ...headers } })).json();
}

describe('the request guards', () => {
  it('tell our own pages from another site’s, with and without Origin: null', async () => {
    const decide = probe();
    expect(await decide({})).toEqual({ api: false, phone: false, form: false }); // no browser page (curl, a test)
    expect(await decide({ origin: `https://${HOST}` })).toEqual({ api: false, phone: false, form: false });
    expect(await decide({ origin: 'https://evil.example' })).toEqual({ api: true, phone: true, form: true });
    // A phone page's own form under no-referrer: the API still refuses it, a phone form takes it.
    expect(await decide({ origin: 'null', 'sec-fetch-site': 'same-origin' })).toEqual({ api: true, phone: false, form: false });
    // Fetch Metadata tells where an `Origin: null` form really came from.
    expect(await decide({ origin: 'null', 'sec-fetch-site': 'cross-site' })).toEqual({ api: true, phone: false, form: true });
    expect(await decide({ origin: 'not a url' })).toEqual({ api: true, phone: true, form: true });
  });

  it('refuse a mutating request from another site and record it; reads pass', async () => {
    const log = new SecurityLog(() => 1, silentLogger);
    const app = new Hono().use('*', foreignOriginGuard(log, 'refuse')).all('*', (c) => c.text('ok'));
    const foreign = { host: HOST, origin: 'https://evil.example', 'accept-language': 'zh-CN' };
    const refused = await app.request('/x', { method: 'POST', headers: foreign });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await app.request('/x', { headers: foreign })).status).toBe(200);
    expect(log.list().map((e) => e.kind)).toEqual(['origin_refused']);
  });

  it('limit a body and say the connection cannot be reused', async () => {
    const app = new Hono().post('/x', limitBody(10), (c) => c.text('ok'));
    const big = await app.request('/x', { method: 'POST', body: 'x'.repeat(11), headers: { 'content-length': '11' } });
    expect(big.status).toBe(413);
    expect(big.headers.get('connection')).toBe('close');
    expect((await app.request('/x', { method: 'POST', body: 'x'.repeat(10) })).status).toBe(200);
  });
});
