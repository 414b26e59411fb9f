import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION, type PairResponse } from '@glow/shared';
import { kioskAuth, pairDevice, pairKiosk, startHub, type TestHub } from '../support/hub-harness.ts';

/**
 * The handshake answers a page speaking another protocol version with `protocol_mismatch` (the apps reload on it)
 * and says which side is older, in the page's language: an old page is told to reload; a page newer than the hub
 * is told the hub needs updating.
 */
describe('protocol version at the handshake', () => {
  let t: TestHub;
  let kiosk: PairResponse;
  let tablet: PairResponse;
  beforeAll(async () => {
    t = await startHub();
    kiosk = await pairKiosk(t);
    tablet = await pairDevice(t);
  });
  afterAll(async () => {
    await t.stop();
  });

  type Refused = { code: string; reason?: string; message: string } | 'connected';
  const attempt = (nsp: string, auth: object) =>
    new Promise<Refused>((resolve) => {
      const s = io(t.url + nsp, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
      s.once('connect', () => {
        s.disconnect();
        resolve('connected');
      });
      s.once('connect_error', (err: Error & { data?: never }) => {
        s.disconnect();
        resolve(err.data ?? { code: 'none', message: err.message });
      });
    });
  const kioskAt = (protocolVersion: number, language: 'en' | 'zh-CN' = 'en') =>
    attempt(NAMESPACES.kiosk, { ...kioskAuth(kiosk, language), protocolVersion });
  const tabletAt = (protocolVersion: number, language: 'en' | 'zh-CN' = 'en') =>
    attempt(NAMESPACES.staff, { protocolVersion, deviceId: tablet.deviceId, deviceSecret: tablet.deviceSecret, language });

  it('lets the current version in on both namespaces', async () => {
    expect(await kioskAt(PROTOCOL_VERSION)).toBe('connected');
    expect(await tabletAt(PROTOCOL_VERSION)).toBe('connected');
  });

  it('tells an older page to reload (client too old)', async () => {
    const old = { code: 'protocol_mismatch', reason: 'client_too_old', message: 'This screen is out of date. Please reload it.' };
    expect(await kioskAt(PROTOCOL_VERSION - 1)).toEqual(old);
    expect(await tabletAt(PROTOCOL_VERSION - 1)).toEqual(old);
    expect(await kioskAt(PROTOCOL_VERSION - 1, 'zh-CN')).toMatchObject({ reason: 'client_too_old', message: '此页面版本过旧，请刷新。' });
  });

  it('tells a page newer than the hub that the hub needs updating (hub too old)', async () => {
    for (const answer of [await kioskAt(PROTOCOL_VERSION + 1), await tabletAt(PROTOCOL_VERSION + 1)]) {
      expect(answer).toMatchObject({ code: 'protocol_mismatch', reason: 'hub_too_old' });
      expect((answer as { message: string }).message).toMatch(/newer than the Glow hub.*the hub needs updating/);
    }
    expect(await tabletAt(PROTOCOL_VERSION + 1, 'zh-CN')).toMatchObject({ reason: 'hub_too_old', message: expect.stringMatching(/主机需要更新/) });
  });
});
