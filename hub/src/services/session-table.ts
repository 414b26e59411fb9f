import { randomToken, sha256 } from '../security/secrets.ts';

export type OpenSession = { staffId: string; deviceId: string; expiresAt: number };

/**
 * The hub's record of who is signed in where: a session is good until it expires, is signed out, or its device is
 * revoked — whichever comes first — and a token the table does not hold is refused in the handshake and on every
 * command. Only each token's SHA-256 is kept (the token is 256 random bits, so no salt is needed).
 *
 * Kept in memory on purpose: a restart of the hub signs everyone out. Sessions are not floor data, and journaling every
 * sign-in and sign-out would put people's comings and goings in the floor's journal for no gain; a restart is rare
 * (a power cut, an update) and signing in again is one PIN. Nothing of a session ever reaches the disk.
 */
export class SessionTable {
  private readonly byHash = new Map<string, OpenSession>();

  /** Opens a session and returns its token (the only time the token exists on the hub). */
  open(session: OpenSession): string {
    const token = randomToken();
    this.byHash.set(sha256(token), { ...session });
    return token;
  }

  /** The open session of a token, or null (unknown, ended, or expired: an expired one is forgotten). */
  find(token: string, now: number): OpenSession | null {
    const hash = sha256(token);
    const session = this.byHash.get(hash);
    if (!session) return null;
    if (session.expiresAt <= now) {
      this.byHash.delete(hash);
      return null;
    }
    return session;
  }

  end(token: string): void {
    this.byHash.delete(sha256(token));
  }

  /** A revoked device's sessions end with it. */
  endDevice(deviceId: string): void {
    for (const [hash, s] of this.byHash) if (s.deviceId === deviceId) this.byHash.delete(hash);
  }

  /** A staff member's sessions end (their PIN was reset), except the one holding `exceptToken`. */
  endStaff(staffId: string, exceptToken?: string): void {
    const kept = exceptToken ? sha256(exceptToken) : null;
    for (const [hash, s] of this.byHash) if (s.staffId === staffId && hash !== kept) this.byHash.delete(hash);
  }

  /** Forgets expired sessions (the session sweep calls it), so the table holds only live ones. */
  sweep(now: number): void {
    for (const [hash, s] of this.byHash) if (s.expiresAt <= now) this.byHash.delete(hash);
  }

  get size(): number {
    return this.byHash.size;
  }
}
