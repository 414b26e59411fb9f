import { Hono, type Context } from 'hono';
import { SetupCodeCheckSchema, SetupInputSchema, type SetupResult } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { hashPin } from '../../security/secrets.ts';
import { refuse, toAppError, type Refusal } from '../../services/app-error.ts';
import { newDeviceSecret } from '../../services/pairing.service.ts';
import { decideSetup } from '../../services/setup.service.ts';
import { FailureLimiter, senderKey } from './failure-limiter.ts';
import { readJson } from './json-body.ts';
import { languageFrom } from './language.ts';
import { remoteAddress } from './remote-address.ts';

/**
 * First start (#13). Before the salon is set up, a tablet with no pairing asks `GET /api/setup` whether to show the
 * set-up wizard; the wizard checks the code first (`POST /api/setup/code`) and sends everything at the end in one
 * request (`POST /api/setup`), which saves it all or nothing and answers with the tablet's device credential and the
 * owner's session. Wrong codes are limited per sending address like pairing codes (a guesser blocks only itself) and
 * recorded in the security log; once the salon is set up every request is refused alike, whatever the code.
 */
export function setupRoutes(core: HubCore): Hono {
  const limiter = new FailureLimiter(10, 60_000);

  /** Refused before anything is read when the sender has too many wrong codes, or when there is nothing to set up. */
  const gate = (c: Context): Response | null => {
    const language = languageFrom(c.req.header('accept-language'));
    const address = remoteAddress(c);
    if (limiter.blocked(senderKey(address), core.deps.clock())) {
      core.securityLog.record({ kind: 'setup_code_limited', address });
      return c.json({ ok: false, error: toAppError(refuse('rate_limited', 'setup_limited'), language) }, 429);
    }
    if (!core.reads.setupPending()) return c.json({ ok: false, error: toAppError(refuse('conflict', 'setup_done'), language) }, 409);
    return null;
  };

  const wrongCode = (c: Context): Response => {
    const address = remoteAddress(c);
    limiter.fail(senderKey(address), core.deps.clock());
    core.securityLog.record({ kind: 'setup_code_failed', address });
    return c.json({ ok: false, error: toAppError(refuse('unauthorized', 'bad_setup_code'), languageFrom(c.req.header('accept-language'))) }, 401);
  };

  return new Hono()
    .get('/', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ needed: core.reads.setupPending() });
    })
    .post('/code', async (c) => {
      const refused = gate(c);
      if (refused) return refused;
      const body = await readJson(c, SetupCodeCheckSchema);
      if (!body.ok) return body.response;
      return core.reads.isSetupCode(body.data.code) ? c.json({ ok: true }) : wrongCode(c);
    })
    .post('/', async (c) => {
      const refused = gate(c);
      if (refused) return refused;
      const language = languageFrom(c.req.header('accept-language'));
      const body = await readJson(c, SetupInputSchema);
      if (!body.ok) return body.response;
      // A wrong code costs no PIN hashing; the decision checks it again, in order with any other tablet's set-up.
      if (!core.reads.isSetupCode(body.data.code)) return wrongCode(c);
      const credential = await hashPin(body.data.owner.pin);
      const ids = { ownerId: core.deps.newId(), deviceId: core.deps.newId(), deviceSecret: newDeviceSecret() };
      const ack = await core.engine.execute({ command: 'salon:setup', commandId: null, language }, (state, now) =>
        decideSetup(state, now, body.data, ids, credential),
      );
      if (!ack.ok) return c.json(ack, statusOf(ack.error.code));
      const session = core.auth.openSession(ack.data.staffId, ack.data.deviceId);
      if (!session) return c.json({ ok: false, error: toAppError(refuse('internal'), language) }, 500);
      core.deps.logger.info({ staffId: ack.data.staffId, deviceId: ack.data.deviceId }, 'salon set up: the owner’s tablet is paired');
      const result: SetupResult = { deviceId: ack.data.deviceId, deviceSecret: ack.data.deviceSecret, session };
      return c.json(result, 201);
    });
}

const statusOf = (code: Refusal['code']) => (code === 'unauthorized' ? 401 : code === 'conflict' ? 409 : code === 'unavailable' ? 503 : 400);
