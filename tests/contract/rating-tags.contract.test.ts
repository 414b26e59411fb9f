import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { NAMESPACES, PROTOCOL_VERSION, RATING_TAGS } from '@glow/shared';
import { connectStaff, expectOk, nextEvent, pairDevice, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';

/**
 * The rating-tag vocabulary lives in shared: the tablet offers exactly those tags, and the hub refuses any other one
 * with a clear message in the tablet's language, before anything is decided (the binder's schema check).
 */
describe('rating tags', () => {
  let t: TestHub;
  let beautician: StaffSocket;
  let chinese: StaffSocket;
  beforeAll(async () => {
    t = await startHub();
    beautician = (await connectStaff(t, { staffId: 'mei', pin: '1111' })).socket;
    // A tablet set to Chinese: its handshake language is the language of every answer it gets.
    const tablet = await pairDevice(t);
    const auth = { protocolVersion: PROTOCOL_VERSION, deviceId: tablet.deviceId, deviceSecret: tablet.deviceSecret, language: 'zh-CN' };
    const raw: Socket = io(t.url + NAMESPACES.staff, { auth, transports: ['websocket'], forceNew: true });
    await nextEvent(raw, 'sync:snapshot');
    chinese = raw as unknown as StaffSocket;
    expectOk(await send(chinese, 'auth:login', { staffId: 'anna', pin: '2222' }));
  });
  afterAll(async () => {
    (chinese as unknown as Socket).disconnect();
    await t.stop();
  });

  const close = (socket: StaffSocket, tags: string[]) =>
    send(socket, 'visit:close', { visitId: 'no-such-visit', rating: { csat: 4, nps: 8, tags, comment: '' } } as never);

  it('refuses a tag that is not in the vocabulary, naming the field, in the tablet’s language', async () => {
    const ack = await close(beautician, ['friendly', 'rude-to-staff']);
    expect(ack).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [{ field: 'rating.tags.1', rule: 'rating_tag_unknown', message: 'One of the rating tags is not one Glow knows. Choose from the tags on the screen.' }],
      },
    });
    const zh = await close(chinese, ['<script>']);
    expect(zh).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ rule: 'rating_tag_unknown', message: expect.stringMatching(/评价标签/) }] } });
  });

  it('lets every tag of the vocabulary through (the visit, not the tags, is what is then refused)', async () => {
    const ack = await close(beautician, [...RATING_TAGS]);
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error.code).not.toBe('invalid_input');
  });
});
