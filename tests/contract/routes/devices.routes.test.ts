import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deviceRoutes } from '../../../hub/src/transport/http/devices.routes.ts';
import { startHub, type TestHub } from '../../support/hub-harness.ts';
import { HOST } from '../../support/route-request.ts';

/**
 * devices.routes.ts in-process: pairing a tablet with a one-time code. Bad input answers 4xx naming the field in the
 * browser's language; wrong codes are limited per sending address (the peer address `app.request()` is given).
 */
describe('devices.routes.ts', () => {
  let t: TestHub;
  let app: Hono;
  const pair = (body: string, from = '10.0.0.5', headers: Record<string, string> = {}) =>
    app.request(
      '/pair',
      { method: 'POST', headers: { host: HOST, 'content-type': 'application/json', ...headers }, body },
      { incoming: { socket: { remoteAddress: from } } },
    );
  const json = (code: string, deviceName = 'Front desk') => JSON.stringify({ code, deviceName, kind: 'tablet' });

  beforeAll(async () => {
    t = await startHub();
    app = deviceRoutes(t.hub.core);
  }, 30_000);
  afterAll(async () => {
    await t.stop();
  });

  it('refuses a body that is not JSON, malformed JSON, and a malformed code or over-long name, naming the field', async () => {
    expect((await pair('code=123456', '10.0.0.1', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await pair('{"code":', '10.0.0.1')).status).toBe(400);
    const badCode = await pair(json('12ab56'), '10.0.0.1', { 'accept-language': 'zh-CN' });
    expect(badCode.status).toBe(400);
    const answer = (await badCode.json()) as { error: { issues: Array<{ field: string; message: string }> } };
    expect(answer.error.issues[0]).toMatchObject({ field: 'code' });
    expect(answer.error.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
    const longName = await pair(json('123456', 'n'.repeat(61)), '10.0.0.1');
    expect(longName.status).toBe(400);
    // Every app says which kind of device it is: a request that does not is refused, naming the field.
    const noKind = await pair(JSON.stringify({ code: '123456', deviceName: 'Front desk' }), '10.0.0.1', { 'accept-language': 'zh-CN' });
    expect(noKind.status).toBe(400);
    const refused = (await noKind.json()) as { error: { issues: Array<{ field: string; message: string }> } };
    expect(refused.error.issues.map((i) => i.field)).toEqual(['kind']);
    expect(refused.error.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('pairs with the real code once; wrong codes from one address block only that address', async () => {
    const { code } = await t.hub.createPairingCode();
    const wrong = code === '000000' ? '000001' : '000000';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await pair(json(wrong), '10.0.0.66')).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
    expect((await pair(json(code), '10.0.0.66')).status).toBe(429);
    const paired = await pair(json(code), '10.0.0.20');
    expect(paired.status).toBe(201);
    expect(await paired.json()).toMatchObject({ deviceId: expect.any(String), deviceSecret: expect.any(String) });
    // A code is used once: the same code again is a wrong code.
    expect((await pair(json(code), '10.0.0.21')).status).toBe(401);
  });
});
