import { KIOSK_COMMANDS, KioskHandshakeSchema, PROTOCOL_VERSION, type KioskSnapshot, type Language } from '@glow/shared';
import type { Namespace } from 'socket.io';
import { decideCheckIn } from '../../services/checkin.service.ts';
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

  nsp.on('connection', (socket) => {
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
              existingClientId: core.clients.find(input.client.phone),
              activeVisits: core.active.list(state),
              walkInWait: (serviceId) => core.publisher.current().estimates.byService.get(serviceId)?.estimateMin,
            }),
          ),
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
