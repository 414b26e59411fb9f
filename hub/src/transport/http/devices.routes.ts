import { Hono } from 'hono';
import { PairRequestSchema } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { toAppError, refuse } from '../../services/app-error.ts';
import { decidePair, newDeviceSecret } from '../../services/pairing.service.ts';
import { readJson } from './json-body.ts';
import { languageFrom } from './language.ts';
import { FailureLimiter, senderKey } from './failure-limiter.ts';
import { remoteAddress } from './remote-address.ts';

/**
 * Pairing a staff tablet or a kiosk with a one-time code. Wrong codes are limited per sending address (ten a minute),
 * so 6 digits cannot be guessed, and a guesser blocks only itself: the real code still works from any other device.
 * Every wrong code, and every refusal for too many, goes to the security log.
 */
export function deviceRoutes(core: HubCore): Hono {
  const limiter = new FailureLimiter(10, 60_000);
  return new Hono().post('/pair', async (c) => {
    const language = languageFrom(c.req.header('accept-language'));
    const now = core.deps.clock();
    const address = remoteAddress(c);
    const sender = senderKey(address);
    if (limiter.blocked(sender, now)) {
      core.securityLog.record({ kind: 'pairing_limited', address });
      return c.json({ ok: false, error: toAppError(refuse('rate_limited', 'pairing_limited'), language) }, 429);
    }
    const body = await readJson(c, PairRequestSchema);
    if (!body.ok) return body.response;
    const ids = { deviceId: core.deps.newId(), secret: newDeviceSecret() };
    const ack = await core.engine.execute({ command: 'device:pair', commandId: null, language }, (state, at) =>
      decidePair(state, at, body.data, ids),
    );
    if (ack.ok) return c.json(ack.data, 201);
    // A code of the other kind counts too: it would tell a guesser that the code is live.
    if (ack.error.reason === 'bad_pairing_code' || ack.error.reason === 'pairing_code_kind') {
      limiter.fail(sender, now);
      core.securityLog.record({ kind: 'pairing_failed', address, detail: ack.error.reason });
    }
    const status = ack.error.code === 'unauthorized' ? 401 : ack.error.code === 'unavailable' ? 503 : 400;
    return c.json(ack, status);
  });
}
