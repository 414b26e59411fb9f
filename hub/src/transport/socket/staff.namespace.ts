import {
  PROTOCOL_VERSION,
  STAFF_COMMANDS,
  StaffHandshakeSchema,
  type Language,
  type StaffSession,
  type StaffSnapshot,
} from '@glow/shared';
import type { Namespace, Socket } from 'socket.io';
import type { HubCore } from '../../hub-core.ts';
import { equalHashes, randomToken, sha256 } from '../../security/secrets.ts';
import { invalidInput, isRefusal, refuse, toAppError } from '../../services/app-error.ts';
import { decideCreatePairingCode } from '../../services/pairing.service.ts';
import { decideClose, decideVisitStep, type Actor } from '../../services/visit.service.ts';
import { audienceKey, staffView, type Audience } from '../../services/views.ts';
import { bindCommands } from './bind-commands.ts';
import { handshakeError } from './handshake-error.ts';
import { AUDIENCE_ROOM_PREFIX } from './publisher.ts';

type StaffSocketData = { deviceId: string; language: Language; session: StaffSession | null; audience?: string };

/** Staff tablets: a paired device (secret in the handshake), then a staff member signed in with a PIN. */
export function setUpStaffNamespace(nsp: Namespace, core: HubCore): void {
  nsp.use((socket, next) => {
    const parsed = StaffHandshakeSchema.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success) return next(handshakeError(invalidInput(parsed.error.issues, 'en')));
    const { protocolVersion, deviceId, deviceSecret, sessionToken, language } = parsed.data;
    if (protocolVersion !== PROTOCOL_VERSION) return next(handshakeError(toAppError(refuse('protocol_mismatch'), language)));
    const device = core.engine.state.devices[deviceId];
    if (!device || device.revokedAt !== null || !equalHashes(sha256(deviceSecret), device.secretHash)) {
      return next(handshakeError(toAppError(refuse('unauthorized', 'unknown_device'), language)));
    }
    const data: StaffSocketData = { deviceId, language, session: core.auth.resume(deviceId, sessionToken) };
    socket.data = data;
    next();
  });

  nsp.on('connection', (socket) => {
    const data = socket.data as StaffSocketData;
    enterAudience(socket, core);

    socket.on('sync:resync', (ack: unknown) => {
      if (typeof ack === 'function') ack(staffSnapshot(core, data));
    });

    const actor = (): Actor => ({ staffId: data.session!.staffId, role: data.session!.role });
    const meta = (command: string, commandId: string, language: Language) => ({ command, commandId, language });

    bindCommands(
      socket,
      STAFF_COMMANDS,
      {
        'auth:login': async (input, lang) => {
          const result = await core.auth.login(data.deviceId, input.staffId, input.pin);
          if (isRefusal(result)) return { ok: false, error: toAppError(result, lang) };
          data.session = result;
          // The answer first, then the snapshot of what this staff member may see.
          setImmediate(() => enterAudience(socket, core));
          return { ok: true, data: result };
        },
        'auth:logout': async () => {
          data.session = null;
          setImmediate(() => enterAudience(socket, core));
          return { ok: true, data: {} };
        },
        'plan:confirm': (input, lang) =>
          core.engine.execute(meta('plan:confirm', input.commandId, lang), (state, now) =>
            decideVisitStep(state, now, actor(), input.visitId, 'confirmPlan'),
          ),
        'visit:start': (input, lang) =>
          core.engine.execute(meta('visit:start', input.commandId, lang), (state, now) =>
            decideVisitStep(state, now, actor(), input.visitId, 'start'),
          ),
        'visit:finish': (input, lang) =>
          core.engine.execute(meta('visit:finish', input.commandId, lang), (state, now) =>
            decideVisitStep(state, now, actor(), input.visitId, 'finish'),
          ),
        'visit:close': (input, lang) => {
          const token = randomToken();
          return core.engine.execute(meta('visit:close', input.commandId, lang), (state, now) =>
            decideClose(state, now, actor(), input.visitId, input.rating, {
              token,
              tokenHash: sha256(token),
              linkDays: core.settings.aftercareLinkDays,
            }),
          );
        },
        'pairing:create': (input, lang) =>
          core.engine.execute(meta('pairing:create', input.commandId, lang), (_state, now) => decideCreatePairingCode(now)),
      },
      () => ({ language: data.language, role: currentRole(core, data) }),
      core.deps.logger,
    );
  });
}

/** The role of the signed-in staff member, or null once the session has expired. */
function currentRole(core: HubCore, data: StaffSocketData) {
  if (data.session && data.session.expiresAt <= core.deps.clock()) data.session = null;
  return data.session?.role ?? null;
}

function audienceOf(session: StaffSession | null): Audience {
  if (!session) return { kind: 'locked' };
  return session.role === 'beautician' ? { kind: 'beautician', staffId: session.staffId } : { kind: 'floor' };
}

/** Moves the socket to the room of what it may now see and sends that view whole. */
function enterAudience(socket: Socket, core: HubCore): void {
  const data = socket.data as StaffSocketData;
  const key = audienceKey(audienceOf(data.session));
  if (data.audience && data.audience !== key) void socket.leave(AUDIENCE_ROOM_PREFIX + data.audience);
  data.audience = key;
  void socket.join(AUDIENCE_ROOM_PREFIX + key);
  socket.emit('sync:snapshot', staffSnapshot(core, data));
}

export function staffSnapshot(core: HubCore, data: StaffSocketData): StaffSnapshot {
  const state = core.engine.state;
  return {
    protocolVersion: PROTOCOL_VERSION,
    revision: core.engine.revision,
    salon: state.meta.salon,
    session: data.session,
    view: staffView(state, audienceOf(data.session), core.publisher.currentEstimates()),
  };
}
