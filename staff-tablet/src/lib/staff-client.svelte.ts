import {
  LiveView,
  newCommandId,
  Outbox,
  PROTOCOL_VERSION,
  NAMESPACES,
  type Ack,
  type CommandInput,
  type CommandOutput,
  type AnswerInfo,
  type DataLossAlert,
  type Language,
  type PendingCommand,
  type STAFF_COMMANDS,
  type StaffCommandName,
  type StaffHandshake,
  type StaffSession,
  type StaffSnapshot,
  type StaffView,
} from '@glow/shared';
import { io, type Socket } from 'socket.io-client';
import { errorText, handshakeError } from './errors.ts';
import { labelsFor, type Labels } from './pending.ts';
import { locale } from './i18n.svelte.ts';
import {
  clearOutbox,
  loadAftercare,
  loadPendingLabels,
  loadSessionToken,
  OUTBOX_KEY,
  saveAftercare,
  saveAftercareDraft,
  saveDevice,
  saveLastRoom,
  savePendingLabels,
  saveSessionToken,
  type AftercareShown,
  type DeviceCredential,
} from './storage.ts';

type Commands = typeof STAFF_COMMANDS;
type Input<K extends StaffCommandName> = Omit<CommandInput<Commands, K>, 'commandId'>;
type Output<K extends StaffCommandName> = CommandOutput<Commands, K>;

/**
 * Commands that change the floor: they go through the outbox so that none is lost to a reload or a Wi-Fi drop.
 * Signing in and out and creating a pairing code only make sense now, so they are sent once.
 */
export type QueuedCommandName = Exclude<StaffCommandName, 'auth:login' | 'auth:logout' | 'pairing:create'>;

/** A queued command the hub refused after a reload, when no screen was waiting for its answer any more. */
export type Refusal = { command: PendingCommand; message: string; labels: Labels };

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

const ACK_TIMEOUT_MS = 5000;
const RETRY_MS = 3000;

/**
 * The tablet's link to the hub: the `/staff` socket, the live view (snapshot + patches), the signed-in staff member
 * and the outbox of commands waiting for the hub. Screens read its state and call its methods; nothing else talks to
 * the socket.
 */
export class StaffClient {
  status = $state<ConnectionStatus>('connecting');
  snapshot = $state.raw<StaffSnapshot | null>(null);
  /** Who is signed in: from the latest snapshot, or from the `auth:login` answer until that snapshot arrives. */
  session = $state.raw<StaffSession | null>(null);
  pending = $state.raw<readonly PendingCommand[]>([]);
  /** Set when the hub speaks another protocol version: only a reload helps. */
  outdated = $state<string | null>(null);
  /** Set (to the hub's message) when the hub no longer knows this device: the owner shows the pairing screen. */
  unpaired = $state<string | null>(null);
  /** Why the last session ended, shown once on the sign-in screen. */
  notice = $state<string | null>(null);
  /** The aftercare QR on screen (from `visit:close`, even when its answer arrives after a reload). */
  aftercare = $state<AftercareShown | null>(loadAftercare());
  /** The client's language of each visit whose close is queued (see `queue`). */
  private readonly closingLanguages = new Map<string, Language>();
  /** Refusals of commands sent before a reload: shown until dismissed, so that nothing fails silently. */
  refusals = $state.raw<readonly Refusal[]>([]);
  /** Tickets and room names of queued commands, kept so that the offline banner names them after a reload. */
  labels = $state.raw<Labels>(loadPendingLabels());
  /** The hub lost acknowledged changes (sent to the manager's tablets only): shown until the manager dismisses it. */
  dataLoss = $state.raw<DataLossAlert | null>(null);
  private dismissedLoss: number | null = null;

  private readonly socket: Socket;
  private readonly live: LiveView<StaffView>;
  private readonly outbox: Outbox;
  private sessionToken: string | null = loadSessionToken();
  /** A reconnect we asked for (language change, sign-out): not worth an offline banner. */
  private quietReconnect = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(private readonly device: DeviceCredential) {
    this.socket = io(NAMESPACES.staff, {
      auth: (cb) => cb(this.handshake()),
      // The hub is on the salon's own network: retry often, so that a tablet is back in sync within about a second
      // of the hub restarting (DESIGN §4; tests hold the hub to 2 s).
      reconnectionDelay: 250,
      reconnectionDelayMax: 1000,
    });
    this.live = new LiveView<StaffView>(this.socket, this.onSnapshot);
    this.outbox = new Outbox(this.socket, localStorage, OUTBOX_KEY, {
      onPendingChange: (p) => (this.pending = [...p]),
      onAnswer: this.onAnswer,
      ackTimeoutMs: ACK_TIMEOUT_MS,
    });
    this.pending = this.outbox.items;

    this.socket.on('connect', this.onConnect);
    this.socket.on('disconnect', this.onDisconnect);
    this.socket.on('connect_error', this.onConnectError);
    this.socket.on('auth:ended', this.onAuthEnded);
    this.socket.on('hub:dataLoss', (alert: DataLossAlert) => {
      if (alert.detectedAt !== this.dismissedLoss) this.dataLoss = alert;
    });
  }

  /** The manager has checked the floor with the team: the alert stays away until the hub detects another loss. */
  dismissDataLoss(): void {
    this.dismissedLoss = this.dataLoss?.detectedAt ?? null;
    this.dataLoss = null;
  }

  get view(): StaffView | null {
    return this.snapshot?.view ?? null;
  }

  /** The banner shows while the hub is out of reach, but not for a reconnect we started ourselves. */
  get offline(): boolean {
    return this.status === 'offline';
  }

  /** This tablet's device id (the manager cannot revoke the tablet they are holding). */
  get deviceId(): string {
    return this.device.deviceId;
  }

  /** True while a queued command for this visit (or room, incident…) is waiting for the hub. */
  isQueued(name: QueuedCommandName, id: string, key: 'visitId' | 'roomId' | 'incidentId' | 'complaintId' = 'visitId'): boolean {
    return this.pending.some((c) => c.name === name && c.input[key] === id);
  }

  /** The beautician tapped "Done" under the QR code. */
  dismissAftercare(): void {
    this.aftercare = null;
    saveAftercare(null);
  }

  dismissRefusal(refusal: Refusal): void {
    this.refusals = this.refusals.filter((r) => r !== refusal);
  }

  /** Sends a floor command through the outbox; resolves with the hub’s answer, however many reconnects it takes. */
  queue<K extends QueuedCommandName>(name: K, input: Input<K>): Promise<Ack<Output<K>>> {
    // The QR after a close is the client's screen, in their visit's language; the hub's patch that takes the closed
    // visit off this tablet may arrive before the answer, so the language is noted now, while the visit is in view.
    if (name === 'visit:close') {
      const { visitId } = input as Record<string, unknown>;
      const language = typeof visitId === 'string' ? this.view?.visits[visitId]?.language : undefined;
      if (language) this.closingLanguages.set(visitId as string, language);
    }
    const answer = this.outbox.send<Output<K>>(name, input as Record<string, unknown>);
    // Remember what the queued commands are called; forget what no queued command names any more.
    const named = new Set(this.outbox.items.flatMap((c) => [c.input.visitId, c.input.roomId]).filter((v) => typeof v === 'string'));
    const kept = Object.fromEntries(Object.entries(this.labels).filter(([id]) => named.has(id)));
    const command = this.outbox.items.at(-1);
    this.labels = { ...kept, ...(command ? labelsFor(command, this.view) : {}) };
    savePendingLabels({ ...this.labels });
    return answer;
  }

  /** Sends a command once, now; a timeout or a dropped connection answers with a localized error. */
  async send<K extends StaffCommandName>(name: K, input: Input<K>): Promise<Ack<Output<K>>> {
    try {
      const ack: Ack<Output<K>> = await this.socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck(name, { ...input, commandId: newCommandId() });
      return ack;
    } catch {
      return { ok: false, error: { code: 'unavailable', message: locale.t('error.timeout') } };
    }
  }

  async login(staffId: string, pin: string): Promise<Ack<StaffSession>> {
    const ack = await this.send('auth:login', { staffId, pin });
    if (ack.ok) {
      this.setToken(ack.data.token);
      this.setSession(ack.data);
      this.notice = null;
      void this.outbox.flush(); // commands kept back for want of a session can go now
    }
    return ack;
  }

  async logout(): Promise<void> {
    const wasOnline = this.socket.connected;
    this.setToken(null);
    this.setSession(null);
    if (wasOnline) {
      const ack = await this.send('auth:logout', {});
      if (ack.ok) {
        this.live.resync();
        return;
      }
    }
    this.reconnect(); // the handshake without a token gives a signed-out view
  }

  /** The hub answers in the handshake's language: reconnect so its messages follow a language change. */
  languageChanged(): void {
    if (this.socket.connected) this.reconnect();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.expiryTimer);
    this.live.dispose();
    this.outbox.dispose();
    this.socket.off();
    this.socket.disconnect();
  }

  private handshake(): StaffHandshake {
    return {
      protocolVersion: PROTOCOL_VERSION,
      deviceId: this.device.deviceId,
      deviceSecret: this.device.deviceSecret,
      ...(this.sessionToken ? { sessionToken: this.sessionToken } : {}),
      // The revision this tablet has seen: a hub that came back with less learns that it lost changes.
      ...(this.snapshot ? { revision: this.snapshot.revision } : {}),
      language: locale.language,
    };
  }

  private setToken(token: string | null): void {
    this.sessionToken = token;
    saveSessionToken(token);
  }

  /** Keeps the session and, since the hub ends it silently when it expires, signs out at `expiresAt` too. */
  private setSession(session: StaffSession | null): void {
    this.session = session;
    clearTimeout(this.expiryTimer);
    if (!session) return;
    // setTimeout fires at once for delays beyond 2^31-1 ms: cap it and check again then.
    const delay = Math.min(Math.max(0, session.expiresAt - Date.now()), 2 ** 31 - 1);
    this.expiryTimer = setTimeout(() => {
      if (this.session !== session) return;
      if (Date.now() < session.expiresAt) return this.setSession(session);
      this.setToken(null);
      this.setSession(null);
      this.notice = locale.t('reason.session_expired');
      this.reconnect();
    }, delay);
  }

  private reconnect(): void {
    this.quietReconnect = true;
    this.status = 'connecting';
    this.socket.disconnect().connect();
  }

  private retryLater(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.disposed && !this.socket.connected && !this.socket.active) this.socket.connect();
    }, RETRY_MS);
  }

  private readonly onSnapshot = (snapshot: StaffSnapshot): void => {
    if (snapshot.session !== undefined) {
      const session = snapshot.session ?? null;
      // No session although we presented a token: the hub did not accept it, the session is over.
      this.setToken(session ? session.token : null);
      this.setSession(session);
    }
    this.snapshot = snapshot;
    locale.useSalon(snapshot.salon);
    // The hub words its messages in the handshake's language: reconnect if the salon's default changed it.
    if (locale.useSalonDefault(snapshot.salon.defaultLanguage)) this.languageChanged();
  };

  private readonly onConnect = (): void => {
    clearTimeout(this.retryTimer);
    this.quietReconnect = false;
    this.status = 'online';
  };

  private readonly onDisconnect = (reason: Socket.DisconnectReason): void => {
    if (this.disposed) return;
    this.status = this.quietReconnect ? 'connecting' : 'offline';
    // The hub closed this socket (device revoked, hub restarting): socket.io will not retry on its own.
    if (reason === 'io server disconnect') this.retryLater();
  };

  private readonly onConnectError = (err: Error): void => {
    if (this.disposed) return;
    this.quietReconnect = false;
    this.status = 'offline';
    const error = handshakeError(err);
    if (!error) return; // a network failure: socket.io keeps retrying by itself
    if (error.code === 'protocol_mismatch') {
      this.outdated = error.message;
      this.socket.disconnect();
    } else if (error.code === 'unauthorized' && error.reason === 'unknown_device') {
      this.forgetDevice(error.message);
    } else if (error.code === 'unauthorized' && this.sessionToken) {
      // The device is fine but the staff session is not: carry on signed out.
      this.setToken(null);
      this.setSession(null);
      this.notice = error.message;
      this.socket.connect();
    } else {
      this.retryLater();
    }
  };

  /** Answers to queued commands, including those sent before a reload. */
  private readonly onAnswer = (command: PendingCommand, ack: Ack<unknown>, info: AnswerInfo): void => {
    if (command.name === 'visit:close' && ack.ok) {
      const data = ack.data as Output<'visit:close'>;
      const roomId = this.view?.visits[data.visitId]?.roomId ?? null;
      // The QR screen is the client's: in the language of their visit (noted when the close was queued; the tablet's
      // own only for a close queued before a reload whose visit is already gone).
      const language = this.view?.visits[data.visitId]?.language ?? this.closingLanguages.get(data.visitId) ?? locale.language;
      this.closingLanguages.delete(data.visitId);
      this.aftercare = { visitId: data.visitId, url: data.aftercareUrl ?? location.origin + data.aftercarePath, expiresAt: data.expiresAt, roomId, language };
      saveAftercare(this.aftercare);
      saveAftercareDraft(null);
      if (roomId) saveLastRoom(roomId);
    }
    if (!ack.ok && !info.awaited) {
      this.refusals = [...this.refusals, { command, message: errorText(ack.error), labels: { ...this.labels } }];
    }
  };

  private readonly onAuthEnded = (info: { reason: 'expired' | 'logout' | 'revoked' }): void => {
    // The manager revoked this tablet: its credential is worthless now.
    if (info.reason === 'revoked') return this.forgetDevice(locale.t('reason.unknown_device'));
    this.setToken(null);
    this.setSession(null);
    // Expired by time, or ended on the hub (a PIN reset, archived, signed out elsewhere): say which, not just a PIN pad.
    this.notice = locale.t(info.reason === 'expired' ? 'reason.session_expired' : 'reason.signed_out_by_hub');
    this.live.resync();
  };

  private forgetDevice(message: string): void {
    saveDevice(null);
    this.setToken(null);
    clearOutbox();
    savePendingLabels(null);
    saveAftercare(null);
    this.unpaired = message;
    this.dispose();
  }
}
