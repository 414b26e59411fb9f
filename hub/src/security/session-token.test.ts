import { describe, expect, it } from 'vitest';
import { signSession, verifySession } from './session-token.ts';

const key = 'k'.repeat(43);

describe('session tokens', () => {
  const token = signSession({ staffId: 'mei', deviceId: 'd1', expiresAt: 1000 }, key);

  it('verify until they expire', () => {
    expect(verifySession(token, key, 999)).toEqual({ staffId: 'mei', deviceId: 'd1', expiresAt: 1000 });
    expect(verifySession(token, key, 1000)).toBeNull();
  });

  it('refuse another key, a changed body and garbage', () => {
    expect(verifySession(token, 'x'.repeat(43), 0)).toBeNull();
    const [body, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ staffId: 'olivia', deviceId: 'd1', expiresAt: 1000 })).toString('base64url');
    expect(verifySession(`${forged}.${mac}`, key, 0)).toBeNull();
    expect(verifySession(`${body}`, key, 0)).toBeNull();
    expect(verifySession('a.b.c', key, 0)).toBeNull();
  });
});
