import {
  LiveView,
  NAMESPACES,
  Outbox,
  PROTOCOL_VERSION,
  type Ack,
  type AppError,
  type CommandInput,
  type CommandOutput,
  type KIOSK_COMMANDS,
  type KioskCommandName,
  type KioskClientEvents,
  type KioskServerEvents,
  type KioskSnapshot,
  type KioskView,
  type KnownVisitor,
  type Language,
  type SocketLike,
} from '@glow/shared';
import { io, type Socket } from 'socket.io-client';
import { loadCredential, saveCredential, type KioskCredential } from './kiosk-device.ts';
import { MemoryStorage } from './memory-storage.ts';

export type CheckInInput = Omit<CommandInput<typeof KIOSK_COMMANDS, 'visit:checkIn'>, 'commandId'>;
export type CheckInResult = CommandOutput<typeof KIOSK_COMMANDS, 'visit:checkIn'>;

const OUTBOX_KEY = 'glow.kiosk.outbox';
/** While something waits and the socket is up, nudge the outbox now and then (e.g. after an `unavailable` answer). */
const FLUSH_EVERY_MS = 3000;
/** After the hub closed the connection itself: how long before the kiosk knocks again. */
const RECONNECT_AFTER_MS = 1000;

/**
 * The kiosk's link to the hub: one socket on the `/kiosk` namespace, the live view it feeds, and an in-memory outbox
 * so that a check-in sent while the Wi-Fi drops is retried, with the same commandId, until the hub answers it.
 */
export class HubConnection {
  connected = $state(false);
  /** True once a connection attempt failed or the link dropped, until the next connect: the offline banner. */
  offline = $state(false);
  snapshot = $state.raw<KioskSnapshot | null>(null);
  /** Commands sent but not yet answered. */
  pending = $state(0);
  /** The hub refused the handshake (e.g. protocol_mismatch); socket.io does not retry that on its own. */
  refused = $state.raw<AppError | null>(null);
  /**
   * This browser is not (or no longer) a paired kiosk: the "not a kiosk yet" screen, and no socket. `removed` says
   * that it had been paired and the hub refused it since (the manager revoked it).
   */
  unpaired = $state(false);
  removed = $state(false);

  private readonly socket: Socket<KioskServerEvents, KioskClientEvents>;
  private readonly live: LiveView<KioskView>;
  private readonly outbox: Outbox;
  private flushTimer: ReturnType<typeof setInterval> | undefined;

  private credential: KioskCredential | null = loadCredential();

  constructor(private readonly language: () => Language) {
    this.socket = io(NAMESPACES.kiosk, {
      autoConnect: false,
      // A function, so that every reconnect announces the language on screen at that moment, and the credential of
      // the pairing done meanwhile.
      auth: (cb) => cb({ protocolVersion: PROTOCOL_VERSION, ...this.credential, language: language() }),
    });
    const untyped = asSocketLike(this.socket);
    this.live = new LiveView<KioskView>(untyped, (snapshot) => (this.snapshot = snapshot));
    this.outbox = new Outbox(untyped, new MemoryStorage(), OUTBOX_KEY, (items) => (this.pending = items.length));

    this.socket.on('connect', this.onConnect);
    this.socket.on('disconnect', this.onDisconnect);
    this.socket.on('connect_error', this.onConnectError);
    this.socket.on('auth:ended', this.onRevoked);
  }

  start(): void {
    if (this.credential) this.socket.connect();
    else this.unpaired = true;
    this.flushTimer = setInterval(() => {
      if (this.pending && this.socket.connected) void this.outbox.flush();
    }, FLUSH_EVERY_MS);
  }

  /**
   * Sends a kiosk command through the outbox, typed by the shared command map; resolves with the hub's answer however
   * many reconnects that takes (the same commandId on every retry).
   */
  private send<K extends KioskCommandName>(
    name: K,
    input: Omit<CommandInput<typeof KIOSK_COMMANDS, K>, 'commandId'>,
  ): Promise<Ack<CommandOutput<typeof KIOSK_COMMANDS, K>>> {
    return this.outbox.send<CommandOutput<typeof KIOSK_COMMANDS, K>>(name, input as Record<string, unknown>);
  }

  checkIn(input: CheckInInput): Promise<Ack<CheckInResult>> {
    return this.send('visit:checkIn', input);
  }

  /** The booking QR the kiosk's camera read: the one proof of who the client is beyond a phone number. */
  confirmByToken(token: string): Promise<Ack<KnownVisitor>> {
    return this.send('booking:confirmByToken', { token, language: this.language() });
  }

  /** After a refused handshake: try again (a protocol mismatch needs a fresh page instead). */
  retry(): void {
    if (this.refused?.code === 'protocol_mismatch') {
      location.reload();
      return;
    }
    this.refused = null;
    this.socket.connect();
  }

  /** The "not a kiosk yet" screen paired this browser: keep the credential, and connect with it. */
  paired(credential: KioskCredential): void {
    saveCredential(credential);
    this.credential = credential;
    this.unpaired = false;
    this.removed = false;
    this.refused = null;
    this.socket.connect();
  }

  dispose(): void {
    clearInterval(this.flushTimer);
    this.socket.off('auth:ended', this.onRevoked);
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('connect_error', this.onConnectError);
    this.live.dispose();
    this.outbox.dispose();
    this.socket.disconnect();
  }

  private readonly onConnect = (): void => {
    this.connected = true;
    this.offline = false;
    this.refused = null;
  };

  private readonly onDisconnect = (reason: Socket.DisconnectReason): void => {
    this.connected = false;
    // Not a kiosk any more (revoked): the pairing screen says so; "reconnecting" would not be true.
    this.offline = !this.unpaired;
    // The hub closed the socket itself (revoked, or it flooded): socket.io does not come back from that on its own.
    // Knock once more; the handshake then says why (a revoked kiosk is refused), or lets it back in.
    if (reason === 'io server disconnect' && this.credential) setTimeout(() => this.socket.connect(), RECONNECT_AFTER_MS);
  };

  private readonly onConnectError = (err: Error): void => {
    this.connected = false;
    // A refusal by the hub's middleware carries an AppError in `data` and stops socket.io's own retries.
    const refusal = asAppError('data' in err ? err.data : undefined);
    if (refusal?.reason === 'unknown_kiosk') this.forget();
    else if (refusal && !this.socket.active) this.refused = refusal;
    else this.offline = true;
  };

  /** The manager revoked this kiosk (the hub says so before it closes the socket). */
  private readonly onRevoked = (): void => this.forget();

  /**
   * Not a kiosk (any more): forget the credential and show the pairing screen. What the hub acknowledged is on the
   * hub; a check-in still waiting in the outbox was never acknowledged, and is dropped with the client's visit.
   */
  private forget(): void {
    this.removed = this.credential !== null;
    this.credential = null;
    saveCredential(null);
    this.unpaired = true;
    this.offline = false;
    this.socket.disconnect();
  }
}

/**
 * The shared sync helpers take the untyped slice of a socket (`SocketLike`, event names as plain strings); socket.io's
 * typed `Socket` narrows event names to its maps, so TypeScript cannot see that it is one. It is the same object.
 */
function asSocketLike(socket: Socket<KioskServerEvents, KioskClientEvents>): SocketLike {
  return socket as unknown as SocketLike;
}

/**
 * The AppError a refused handshake carries, checked by shape rather than with the zod schema, which would put zod in
 * the first load (DESIGN §7 budget).
 */
function asAppError(data: unknown): AppError | null {
  if (typeof data !== 'object' || data === null) return null;
  const { code, message } = data as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? (data as AppError) : null;
}
