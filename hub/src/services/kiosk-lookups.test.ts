import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Client } from '@glow/shared';
import { KioskLookups, LOOKUP_MS } from './kiosk-lookups.ts';
import { lookupChoices } from './lookup-choices.ts';
import { signVisitorToken, verifyVisitorToken } from '../security/visitor-token.ts';

const seedOf = (s: string) => createHash('sha256').update(s).digest();
const MASKED = /^(\p{L}\*\* \p{L}+|\p{Script=Han}\*\*\p{Script=Han}+)$/u;

describe('lookupChoices', () => {
  it('gives three different masked names, the real one at the seed’s position', () => {
    for (let i = 0; i < 300; i++) {
      const seed = seedOf(`phone-${i}`);
      const unknown = lookupChoices(seed, null);
      expect(unknown.correct).toBeNull();
      expect(new Set(unknown.choices).size).toBe(3);
      for (const c of unknown.choices) expect(c).toMatch(MASKED);
      const known = lookupChoices(seed, 'L** Mei');
      expect(known.choices[known.correct!]).toBe('L** Mei');
      expect(known.choices.filter((c) => c === 'L** Mei')).toHaveLength(1);
      expect(new Set(known.choices).size).toBe(3);
    }
  });

  it('is the same for the same seed, and puts the real name anywhere across numbers', () => {
    expect(lookupChoices(seedOf('a'), 'W**小明')).toEqual(lookupChoices(seedOf('a'), 'W**小明'));
    const positions = new Set(Array.from({ length: 60 }, (_, i) => lookupChoices(seedOf(`p${i}`), 'L** Mei').correct));
    expect(positions).toEqual(new Set([0, 1, 2]));
    // Both scripts appear among decoys, so a real Chinese or Western name does not stand out.
    const all = Array.from({ length: 60 }, (_, i) => lookupChoices(seedOf(`p${i}`), null).choices).flat().join('');
    expect(all).toMatch(/\p{Script=Han}/u);
    expect(all).toMatch(/[A-Z]\*\* /);
  });
});

describe('KioskLookups', () => {
  const mei: Client = { id: 'c-mei', firstName: 'Mei', lastName: 'Lin', phone: '13800138000', language: 'zh-CN', createdAt: 0 };
  const setup = (limit = { max: 3, windowMs: 60_000 }) => {
    let now = 1_000_000;
    let n = 0;
    const lookups = new KioskLookups({ clock: () => now, newId: () => `lookup-${++n}`, hubKey: () => 'k'.repeat(43), limit });
    const clientOf = (phone: string) => (phone === mei.phone ? mei : undefined);
    return { lookups, clientOf, advance: (ms: number) => (now += ms), now: () => now };
  };

  it('answers known and unknown numbers alike, and the same number the same way each time', () => {
    const { lookups, clientOf } = setup({ max: 100, windowMs: 60_000 });
    const a = lookups.lookup('kiosk', 'cmd-a', mei.phone, clientOf);
    const b = lookups.lookup('kiosk', 'cmd-b', mei.phone, clientOf);
    const u = lookups.lookup('kiosk', 'cmd-u', '13900000000', clientOf);
    if (!a.ok || !b.ok || !u.ok) throw new Error('refused');
    expect(a.result.choices).toEqual(b.result.choices);
    expect(a.result.lookupId).not.toBe(b.result.lookupId);
    expect(a.result.choices).toContain('L** Mei');
    expect(Object.keys(u.result).sort()).toEqual(Object.keys(a.result).sort());
    expect(u.result.choices).toHaveLength(3);
  });

  it('confirms the right pick once; a wrong pick or “none of these” burns the look-up', () => {
    const { lookups, clientOf } = setup();
    const first = lookups.lookup('kiosk', 'cmd-1', mei.phone, clientOf);
    if (!first.ok) throw new Error('refused');
    const right = first.result.choices.indexOf('L** Mei') as 0 | 1 | 2;
    const wrong = ((right + 1) % 3) as 0 | 1 | 2;
    expect(lookups.confirm('conf-1', first.result.lookupId, wrong)).toEqual({ clientId: null });
    // Burnt: even the right answer now finds nothing to confirm.
    expect(lookups.confirm('conf-2', first.result.lookupId, right)).toBeUndefined();
    // A retry of the wrong pick gets the same answer.
    expect(lookups.confirm('conf-1', first.result.lookupId, wrong)).toEqual({ clientId: null });

    const second = lookups.lookup('kiosk', 'cmd-2', mei.phone, clientOf);
    if (!second.ok) throw new Error('refused');
    expect(lookups.confirm('conf-3', second.result.lookupId, right)).toEqual({ clientId: 'c-mei' });
    expect(lookups.confirm('conf-4', second.result.lookupId, right)).toBeUndefined();
    const third = lookups.lookup('kiosk', 'cmd-3', '13900000000', clientOf);
    if (!third.ok) throw new Error('refused');
    expect(lookups.confirm('conf-5', third.result.lookupId, 0)).toEqual({ clientId: null });
  });

  it('limits look-ups per kiosk within the window; a retry does not count; look-ups expire', () => {
    const { lookups, clientOf, advance } = setup();
    for (let i = 0; i < 3; i++) expect(lookups.lookup('kiosk-a', `cmd-${i}`, mei.phone, clientOf).ok).toBe(true);
    expect(lookups.lookup('kiosk-a', 'cmd-0', mei.phone, clientOf).ok).toBe(true); // a retry of the first
    expect(lookups.lookup('kiosk-a', 'cmd-3', mei.phone, clientOf)).toEqual({ ok: false, reason: 'lookup_rate_limited' });
    expect(lookups.lookup('kiosk-b', 'cmd-b', mei.phone, clientOf).ok).toBe(true);
    advance(60_001);
    const again = lookups.lookup('kiosk-a', 'cmd-4', mei.phone, clientOf);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    advance(LOOKUP_MS);
    expect(lookups.confirm('late', again.result.lookupId, 0)).toBeUndefined();
  });
});

describe('visitor tokens', () => {
  const key = 'x'.repeat(43);
  it('name the client until they expire, and only with the hub’s key', () => {
    const token = signVisitorToken(key, 'c-mei', 5000);
    expect(verifyVisitorToken(key, token, 4999)).toBe('c-mei');
    expect(verifyVisitorToken(key, token, 5000)).toBeNull();
    expect(verifyVisitorToken('y'.repeat(43), token, 0)).toBeNull();
    expect(verifyVisitorToken(key, token.replace('c-mei', 'c-ann'), 0)).toBeNull();
    expect(verifyVisitorToken(key, token.replace('.5000.', '.9000.'), 0)).toBeNull();
    expect(verifyVisitorToken(key, 'garbage', 0)).toBeNull();
  });
});
