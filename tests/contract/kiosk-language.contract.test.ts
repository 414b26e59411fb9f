import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { newCommandId, type Ack } from '@glow/shared';
import { DEFAULT_SOCKET_LIMITS } from '../../hub/src/transport/socket/socket-guard.ts';
import { connectKiosk, startHub, type TestHub } from '../support/hub-harness.ts';

/**
 * Every message a client sees follows the language on the screen at that moment (#11). The kiosk's socket connects in
 * the salon's language; a client who then switches to Chinese sends commands that carry `language: 'zh-CN'`, and every
 * answer, the hub's refusals included (here the socket's command rate), is in Chinese.
 */
describe('the language of the kiosk’s answers', () => {
  let t: TestHub;
  beforeAll(async () => {
    // A socket burst of 40 commands (the hub's default is larger), so that 45 sent at once cross it.
    t = await startHub({ socketLimits: { ...DEFAULT_SOCKET_LIMITS, socketCommands: { burst: 40, perSecond: 1 } } });
  });
  afterAll(() => t.stop());

  it('is the one each command carries, not the one the socket connected with', async () => {
    const kiosk = await connectKiosk(t.url, 'en');
    const socket = kiosk.socket as unknown as Socket;
    // Past the socket's burst of 40, without waiting: the hub refuses the rest before reading them.
    const answers = await Promise.all(
      Array.from({ length: 45 }, () =>
        socket.emitWithAck('visit:checkIn', { commandId: newCommandId(), language: 'zh-CN' }) as Promise<Ack<unknown>>,
      ),
    );
    const refusals = answers.filter((a): a is Extract<Ack<unknown>, { ok: false }> => !a.ok);
    const limited = refusals.filter((a) => a.error.code === 'rate_limited');
    expect(limited.length).toBeGreaterThan(0);
    for (const a of limited) expect(a.error.message).toMatch(/请求过多/);
    // The others were read and refused as incomplete: in Chinese too.
    const invalid = refusals.filter((a) => a.error.code !== 'rate_limited');
    expect(invalid.length).toBeGreaterThan(0);
    for (const a of invalid) expect(a.error.message).toMatch(/[\u4e00-\u9fff]/);
    kiosk.socket.disconnect();
  });
});
