import { KIOSK_COMMANDS, KioskHandshakeSchema, PROTOCOL_VERSION, type KioskSnapshot, type Language } from '@glow/shared';
import type { Namespace } from 'socket.io';
import { confirmBookingByToken } from '../../services/booking-by-token.ts';
import { decideCheckIn } from '../../services/checkin.service.ts';
import { KioskIdentityLimit } from '../../services/kiosk-lookups.ts';
import { verifyVisitorToken } from '../../security/visitor-token.ts';
import { invalidInput, refuse, toAppError } from '../../services/app-error.ts';
import { kioskView } from '../../services/views.ts';
import type { HubCore } from '../../hub-core.ts';
import { bindCommands } from './bind-commands.ts';
import { handshakeError } from './handshake-error.ts';
import { AUDIENCE_ROOM_PREFIX } from './publisher.ts';

/** The lobby kiosk: checks clients in and sees tickets and waits, never another client's details. */
export function setUpKioskNamespace(nsp: Namespace, core: HubCore): void {
  nsp.use((socket, next) => {
    const parsed = KioskHandshakeSchema.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success) return next(handshakeError(invalidInput(parsed.error.issues, 'en')));
    const { protocolVersion, language } = parsed.data;
    if (protocolVersion !== PROTOCOL_VERSION) return next(handshakeError(toAppError(refuse('protocol_mismatch'), language)));
    socket.data.language = language;
    next();
  });

  // One count for every kiosk of its recent identity attempts ("I have been here before" with a phone number).
  const identityAttempts = new KioskIdentityLimit({
    clock: core.deps.clock,
    ...(core.deps.kioskLookupLimit ? { limit: core.deps.kioskLookupLimit } : {}),
  });

  nsp.on('connection', (socket) => {
    // The rate limit's key: the kiosk's address (a kiosk has no identity of its own, and a new socket must not reset it).
    const kioskKey = socket.handshake.address;
    const language = (): Language => socket.data.language as Language;
    // Restored by connection-state recovery: the missed patches were just replayed, no snapshot needed.
    const resumed = socket.recovered && socket.rooms.has(AUDIENCE_ROOM_PREFIX + 'kiosk');
    void socket.join(AUDIENCE_ROOM_PREFIX + 'kiosk');
    if (!resumed) socket.emit('sync:snapshot', kioskSnapshot(core));
    socket.on('disconnect', () => core.publisher.left('kiosk', 'kiosk'));
    socket.on('sync:resync', (ack: unknown) => {
      if (typeof ack === 'function') ack(kioskSnapshot(core));
    });

    bindCommands(
      socket,
      KIOSK_COMMANDS,
      {
        'visit:checkIn': (input, lang) =>
          core.engine.execute({ command: 'visit:checkIn', commandId: input.commandId, language: lang }, (state, now) =>
            decideCheckIn(state, now, input, {
              today: core.today(now),
              newId: core.deps.newId,
              existingClientId: core.clients.find(input.client?.phone ?? input.returning?.phone ?? ''),
              verifyVisitor: (token, at) => verifyVisitorToken(state.meta.sessionKey, token, at),
              activeVisits: core.active.list(state),
              walkInWait: (serviceId) => core.publisher.current().estimates.byService.get(serviceId)?.estimateMin,
            }),
          ),
        // The kiosk scanned a booking's QR (its link's token): proof of who the client is; a read, nothing journaled.
        'booking:confirmByToken': async (input, lang) => {
          const visitor = confirmBookingByToken(core.engine.state, input.token, core.deps.clock());
          return 'code' in visitor ? { ok: false, error: toAppError(visitor, lang) } : { ok: true, data: visitor };
        },
      },
      () => ({ language: language(), role: null }),
      core.deps.logger,
    );
  });
}

export function kioskSnapshot(core: HubCore): KioskSnapshot {
  const state = core.engine.state;
  return {
    protocolVersion: PROTOCOL_VERSION,
    revision: core.publisher.revision,
    salon: state.meta.salon,
    view: kioskView(state, core.publisher.current(), core.active.list(state)),
  };
}
