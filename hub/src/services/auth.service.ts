import type { StaffSession } from '@glow/shared';
import { verifyPin } from '../security/secrets.ts';
import { signSession, verifySession, type SessionClaims } from '../security/session-token.ts';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import { PinBackoff } from './pin-backoff.ts';

/** A staff session lasts one working day; the tablet locks itself sooner when idle. */
export const SESSION_MS = 12 * 60 * 60 * 1000;

/** Staff sign-in with a PIN on a paired tablet. Not a floor change, so it is not journaled. */
export class AuthService {
  private readonly backoff = new PinBackoff();

  constructor(
    private readonly getState: () => Readonly<HubState>,
    private readonly clock: () => number,
  ) {}

  async login(deviceId: string, staffId: string, pin: string): Promise<StaffSession | Refusal> {
    const state = this.getState();
    const now = this.clock();
    const wait = this.backoff.waitSeconds(staffId, now);
    if (wait > 0) return refuse('rate_limited', 'pin_locked', { seconds: wait });
    const staff = state.staff[staffId];
    const credential = state.credentials[staffId];
    if (!staff?.active || !credential || !(await verifyPin(pin, credential))) {
      this.backoff.fail(staffId, this.clock());
      const locked = this.backoff.waitSeconds(staffId, this.clock());
      return locked > 0 ? refuse('rate_limited', 'pin_locked', { seconds: locked }) : refuse('unauthorized', 'bad_pin');
    }
    this.backoff.succeed(staffId);
    const expiresAt = now + SESSION_MS;
    const token = signSession({ staffId, deviceId, expiresAt }, state.meta.sessionKey);
    return { staffId, name: staff.name, role: staff.role, token, expiresAt };
  }

  /** The session a handshake presents, if it is valid, unexpired, for this device and an active staff member. */
  resume(deviceId: string, token: string | undefined): StaffSession | null {
    if (!token) return null;
    const state = this.getState();
    const claims: SessionClaims | null = verifySession(token, state.meta.sessionKey, this.clock());
    const staff = claims ? state.staff[claims.staffId] : undefined;
    if (!claims || claims.deviceId !== deviceId || !staff?.active) return null;
    return { staffId: staff.id, name: staff.name, role: staff.role, token, expiresAt: claims.expiresAt };
  }
}
