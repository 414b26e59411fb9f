import type { StaffSession } from '@glow/shared';
import { verifyPin } from '../security/secrets.ts';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import { KeyedQueue, QUEUE_FULL } from './keyed-queue.ts';
import { PinBackoff } from './pin-backoff.ts';
import type { SecurityLog } from './security-log.ts';
import { SessionTable } from './session-table.ts';

/** A staff session lasts one working day; the tablet locks itself sooner when idle. */
export const SESSION_MS = 12 * 60 * 60 * 1000;

/**
 * Attempts one device (or one staff member) may have waiting while one is verified: a person types one PIN at a time,
 * so more than this is a script, refused at once.
 */
export const MAX_WAITING_ATTEMPTS = 4;

/** Where a sign-in comes from: the paired device and its network address. */
export type AttemptOrigin = { deviceId: string; address: string | null };

/**
 * Staff sign-in with a PIN on a paired tablet, and the table of open sessions. Not a floor change, so not journaled.
 *
 * Attempts are serialised per device and per staff member (one verification at a time on each; a queued attempt sees
 * the failures before it), so concurrency cannot outrun the back-off. Failures count per (device, staff member) — three
 * wrong PINs for Mei on one tablet lock Mei out on that tablet only — and per device across everyone — ten wrong PINs
 * on one tablet lock that tablet — so a rogue tablet locks itself out, never the manager on the other tablets.
 */
export class AuthService {
  private readonly perPair = new PinBackoff(3);
  private readonly perDevice = new PinBackoff(10);
  private readonly queue = new KeyedQueue(MAX_WAITING_ATTEMPTS);
  private readonly sessions = new SessionTable();

  constructor(
    private readonly getState: () => Readonly<HubState>,
    private readonly clock: () => number,
    private readonly securityLog: SecurityLog,
  ) {}

  async login(origin: AttemptOrigin, staffId: string, pin: string): Promise<StaffSession | Refusal> {
    const checked = await this.checkPin(origin, staffId, pin, 'auth:login');
    if (checked !== true) return checked;
    return this.openSession(staffId, origin.deviceId) ?? refuse('unauthorized', 'bad_pin');
  }

  /**
   * Whether `pin` is the staff member's, under the same rules as a sign-in: one attempt at a time per tablet and per
   * person, and every wrong PIN counts towards the same lock-outs (a PIN change's "current PIN" is no side door).
   */
  async checkPin(origin: AttemptOrigin, staffId: string, pin: string, what = 'auth:login'): Promise<true | Refusal> {
    const outcome = await this.queue.run([`device\u0000${origin.deviceId}`, `staff\u0000${staffId}`], () =>
      this.attempt(origin, staffId, pin),
    );
    if (outcome !== QUEUE_FULL) return outcome;
    this.securityLog.record({ kind: 'rate_limited', deviceId: origin.deviceId, staffId: knownId(this.getState(), staffId), address: origin.address, detail: what });
    return refuse('rate_limited', 'pin_busy');
  }

  /** One attempt, alone on its device and its staff member: the lock-outs it reads are final. */
  private async attempt(origin: AttemptOrigin, staffId: string, pin: string): Promise<true | Refusal> {
    const state = this.getState();
    const pair = `${origin.deviceId}\u0000${staffId}`;
    const staff = state.staff[staffId];
    const credential = state.credentials[staffId];
    const wait = this.waitSeconds(pair, origin.deviceId, this.clock());
    if (wait > 0) return refuse('rate_limited', 'pin_locked', { seconds: wait });
    if (!staff?.active || !credential || !(await verifyPin(pin, credential))) {
      const now = this.clock();
      // An unknown staff id counts against the device only: a pair entry per made-up id would grow without end.
      if (staff) this.perPair.fail(pair, now);
      this.perDevice.fail(origin.deviceId, now);
      const who = { deviceId: origin.deviceId, staffId: staff ? staffId : null, address: origin.address };
      this.securityLog.record({ kind: 'pin_failed', ...who });
      const locked = this.waitSeconds(pair, origin.deviceId, now);
      if (locked === 0) return refuse('unauthorized', 'bad_pin');
      this.securityLog.record({ kind: 'pin_locked', ...who, detail: `${locked}s` });
      return refuse('rate_limited', 'pin_locked', { seconds: locked });
    }
    this.perPair.succeed(pair);
    this.perDevice.succeed(origin.deviceId);
    return true;
  }

  /**
   * A session for an active staff member on a device, without a PIN: after a PIN check, or for the owner whose
   * tablet the first-start set-up has just paired (they typed their new PIN twice a moment ago).
   */
  openSession(staffId: string, deviceId: string): StaffSession | null {
    const staff = this.getState().staff[staffId];
    if (!staff?.active) return null;
    const expiresAt = this.clock() + SESSION_MS;
    const token = this.sessions.open({ staffId, deviceId, expiresAt });
    return { staffId, name: staff.name, role: staff.role, token, expiresAt };
  }

  /** Someone's PIN changed (reset by the manager): their sessions end everywhere but on the tablet that changed it. */
  endStaff(staffId: string, exceptToken?: string): void {
    this.sessions.endStaff(staffId, exceptToken);
  }

  private waitSeconds(pair: string, deviceId: string, now: number): number {
    return Math.max(this.perPair.waitSeconds(pair, now), this.perDevice.waitSeconds(deviceId, now));
  }

  /** The session a token stands for, if it is open, for this device, and its staff member is still active. */
  resume(deviceId: string, token: string | undefined): StaffSession | null {
    if (!token) return null;
    const session = this.sessions.find(token, this.clock());
    const staff = session ? this.getState().staff[session.staffId] : undefined;
    if (!session || session.deviceId !== deviceId || !staff?.active) return null;
    return { staffId: staff.id, name: staff.name, role: staff.role, token, expiresAt: session.expiresAt };
  }

  /** Whether a session the socket holds is still open on the hub (not signed out, not revoked, not expired). */
  isOpen(deviceId: string, token: string): boolean {
    return this.resume(deviceId, token) !== null;
  }

  /** Sign-out: the token is refused from now on, on every socket that holds it. */
  logout(token: string): void {
    this.sessions.end(token);
  }

  /** A revoked device's sessions end now. */
  endDevice(deviceId: string): void {
    this.sessions.endDevice(deviceId);
  }

  sweep(): void {
    this.sessions.sweep(this.clock());
  }
}

/** A staff id worth recording: only one that exists (a made-up id would fill the log with the attacker's text). */
function knownId(state: Readonly<HubState>, staffId: string): string | null {
  return state.staff[staffId] ? staffId : null;
}
