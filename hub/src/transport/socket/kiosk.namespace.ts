import { KIOSK_COMMANDS, KioskHandshakeSchema, type ClientConfirmResult, PROTOCOL_VERSION, type KioskSnapshot, type Language } from '@glow/shared';
import type { Namespace } from 'socket.io';
import { confirmBookingByToken } from '../../services/booking-by-token.ts';
import { decideCheckIn } from '../../services/checkin.service.ts';
import { KioskLookups } from '../../services/kiosk-lookups.ts';
import { knownVisitor } from '../../services/known-visitor.ts';
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

  // One registry for every kiosk: the phone look-ups waiting for a pick, and each kiosk's recent look-ups.
  const lookups = new KioskLookups({
    clock: core.deps.clock,
    newId: core.deps.newId,
    hubKey: () => core.engine.state.meta.sessionKey,
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
              existingClientId: input.client ? core.clients.find(input.client.phone) : undefined,
              verifyVisitor: (token, at) => verifyVisitorToken(state.meta.sessionKey, token, at),
              activeVisits: core.active.list(state),
              walkInWait: (serviceId) => core.publisher.current().estimates.byService.get(serviceId)?.estimateMin,
            }),
          ),
        // Look-ups and confirmations change nothing and never reach the journal: they hold who a number belongs to.
        'client:lookup': async (input, lang) => {
          const outcome = lookups.lookup(kioskKey, input.commandId, input.phone, (phone) => {
            const id = core.clients.find(phone);
            return id ? core.engine.state.clients[id] : undefined;
          });
          return outcome.ok
            ? { ok: true, data: outcome.result }
            : { ok: false, error: toAppError(refuse('rate_limited', outcome.reason), lang) };
        },
        'client:confirm': async (input, lang) => {
          const outcome = lookups.confirm(input.commandId, input.lookupId, input.choice);
          if (!outcome) return { ok: false, error: toAppError(refuse('not_found', 'lookup_expired'), lang) };
          const visitor = outcome.clientId ? knownVisitor(core.engine.state, outcome.clientId, core.deps.clock()) : null;
          const data: ClientConfirmResult = visitor ?? { known: false };
          return { ok: true, data };
        },
        // The kiosk scanned a booking's QR (its link's token): a read, like a confirmed look-up.
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
