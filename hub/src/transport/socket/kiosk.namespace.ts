import { KIOSK_COMMANDS, KioskHandshakeSchema, PROTOCOL_VERSION, type KioskSnapshot, type Language } from '@glow/shared';
import type { Namespace } from 'socket.io';
import { decideKioskCheckIn } from '../../services/checkin.service.ts';
import { KioskIdentityLimit } from '../../services/kiosk-lookups.ts';
import { withSalonPhones } from '../../services/salon-phone.ts';
import { invalidInput, refuse, toAppError } from '../../services/app-error.ts';
import { setupPending } from '../../services/setup.service.ts';
import type { HubCore } from '../../hub-core.ts';
import { BucketMap, type Rate } from '../../security/token-bucket.ts';
import { bindCommands } from './bind-commands.ts';
import { handshakeError, protocolRefusal } from './handshake-error.ts';
import { AUDIENCE_ROOM_PREFIX, type Publisher } from './publisher.ts';

export type KioskSocketData = { deviceId: string; language: Language };

/** Check-ins one kiosk may send: twenty at once, then one every three seconds (twenty a minute). */
export const DEFAULT_KIOSK_CHECK_INS: Rate = { burst: 20, perSecond: 20 / 60 };

/**
 * The lobby kiosk: checks clients in and sees tickets and waits, never another client's details. A kiosk is a paired
 * device like a tablet: its credential (kind `kiosk`) is checked on every connection, including one that resumes
 * through connection-state recovery, so an unpaired browser gets no socket and a revoked kiosk cannot come back.
 */
export function setUpKioskNamespace(nsp: Namespace, core: HubCore, publisher: Pick<Publisher, 'left'>): void {
  nsp.use((socket, next) => {
    const auth: unknown = socket.handshake.auth ?? {};
    const parsed = KioskHandshakeSchema.safeParse(auth);
    const language = languageOf(auth);
    // An out-of-date page first: it must reload (and may then be paired), whatever else it sent.
    const version = typeof auth === 'object' && auth !== null ? (auth as { protocolVersion?: unknown }).protocolVersion : undefined;
    const outdated = typeof version === 'number' ? protocolRefusal(version, language) : null;
    if (outdated) return next(outdated);
    if (!parsed.success) {
      // No credential at all is the everyday case of a browser that was never paired: say so, not "invalid input".
      const unpaired = typeof auth === 'object' && auth !== null && !('deviceId' in auth) && !('deviceSecret' in auth);
      return next(handshakeError(unpaired ? unknownKiosk(language) : invalidInput(parsed.error.issues, language)));
    }
    const { deviceId, deviceSecret } = parsed.data;
    if (!core.reads.pairedDevice(deviceId, 'kiosk', deviceSecret)) return next(handshakeError(unknownKiosk(language)));
    const data: KioskSocketData = { deviceId, language: parsed.data.language };
    socket.data = data;
    next();
  });

  // One count for every kiosk of its recent identity attempts ("I have been here before" with a phone number).
  const identityAttempts = new KioskIdentityLimit({
    clock: core.deps.clock,
    ...(core.deps.kioskLookupLimit ? { limit: core.deps.kioskLookupLimit } : {}),
  });

  const checkIns = new BucketMap(core.deps.kioskCheckIns ?? DEFAULT_KIOSK_CHECK_INS);

  nsp.on('connection', (socket) => {
    // The rate limits' key: the paired kiosk (a new socket must not reset them, and kiosks behind one address do not
    // share them).
    const kioskKey = (socket.data as KioskSocketData).deviceId;
    const language = (): Language => socket.data.language as Language;
    // Restored by connection-state recovery: the missed patches were just replayed, no snapshot needed.
    const resumed = socket.recovered && socket.rooms.has(AUDIENCE_ROOM_PREFIX + 'kiosk');
    void socket.join(AUDIENCE_ROOM_PREFIX + 'kiosk');
    if (!resumed) socket.emit('sync:snapshot', kioskSnapshot(core));
    socket.on('disconnect', () => publisher.left('kiosk', 'kiosk'));
    socket.on('sync:resync', (ack: unknown) => {
      if (typeof ack === 'function') ack(kioskSnapshot(core));
    });

    bindCommands(
      socket,
      KIOSK_COMMANDS,
      {
        // Bounded per kiosk (a salon's lobby checks in a few clients a minute at most), before anything is decided.
        // Phone numbers in the salon's one canonical form before anything looks them up or keeps them.
        'visit:checkIn': withSalonPhones(() => core.reads.salon(), (input, lang) =>
          !checkIns.take(kioskKey, core.deps.clock())
            ? Promise.resolve({ ok: false, error: toAppError(refuse('rate_limited', 'checkin_rate_limited'), lang) })
            : input.returning && !identityAttempts.allow(kioskKey, input.commandId)
              ? Promise.resolve({ ok: false, error: toAppError(refuse('rate_limited', 'lookup_rate_limited'), lang) })
              : core.engine.execute({ command: 'visit:checkIn', commandId: input.commandId, sender: `device:${kioskKey}`, language: lang }, (state, now) =>
            // Until the owner has finished the first-start set-up there is no salon to check in to (#13).
            setupPending(state)
              ? refuse('conflict', 'salon_not_open')
              : decideKioskCheckIn(state, now, input, core.checkInContext(state, now, input.client?.phone ?? input.returning?.phone ?? '')),
          )),
        // The kiosk scanned a booking's QR (its link's token): proof of who the client is; a read, nothing journaled.
        'booking:confirmByToken': async (input, lang) => {
          const visitor = core.reads.confirmBookingByToken(input.token, core.deps.clock());
          return 'code' in visitor ? { ok: false, error: toAppError(visitor, lang) } : { ok: true, data: visitor };
        },
      },
      () => ({ language: language(), role: null }),
      core.deps.logger,
    );
  });
}

const unknownKiosk = (language: Language) => toAppError(refuse('unauthorized', 'unknown_kiosk'), language);

/** The language a handshake asked for, read before (or without) the schema, so that even a refusal is in it. */
function languageOf(auth: unknown): Language {
  const language = typeof auth === 'object' && auth !== null ? (auth as { language?: unknown }).language : undefined;
  return language === 'zh-CN' ? 'zh-CN' : 'en';
}

/**
 * The manager revoked a kiosk: tell its sockets why, then close them at once. Its reconnection meets the handshake,
 * which refuses a revoked device, and the kiosk shows its "not a kiosk yet" screen. What it had sent and was
 * acknowledged is on the hub already; nothing else was.
 */
export function disconnectKiosk(nsp: Namespace, deviceId: string): void {
  for (const socket of nsp.sockets.values()) {
    if ((socket.data as KioskSocketData | undefined)?.deviceId !== deviceId) continue;
    socket.emit('auth:ended', { reason: 'revoked' });
    socket.disconnect(true);
  }
}

export function kioskSnapshot(core: HubCore): KioskSnapshot {
  return {
    protocolVersion: PROTOCOL_VERSION,
    revision: core.views.revision,
    salon: core.reads.salonView(),
    view: core.views.kioskView(),
  };
}
