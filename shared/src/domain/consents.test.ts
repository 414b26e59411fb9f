import { describe, expect, it } from 'vitest';
import type { ConsentSettings, ConsentText } from '../schemas/consent.schema.ts';
import { birthdayProblem } from './birthday.ts';
import { decideConsents, grantedConsents } from './consents.ts';

const text = (kind: ConsentText['kind'], version: number, required = false, signatureRequired = false): ConsentText => {
  const l = { en: kind, 'zh-CN': kind };
  return { kind, version, required, signatureRequired, title: l, body: l, purpose: l, ifDeclined: l };
};
const SETTINGS: ConsentSettings = { terms: text('terms', 2, true), health: text('health', 1, false, true), marketing: text('marketing', 1) };
const NOW = 1_000;

describe('decideConsents', () => {
  it('records each choice with the version shown, and says whether health answers may be kept', () => {
    const r = decideConsents(SETTINGS, [], [
      { kind: 'terms', version: 2, granted: true },
      { kind: 'health', version: 1, granted: false },
      { kind: 'marketing', version: 1, granted: true },
    ], NOW);
    expect(r).toEqual({
      records: [
        { kind: 'terms', version: 2, granted: true, at: NOW },
        { kind: 'health', version: 1, granted: false, at: NOW },
        { kind: 'marketing', version: 1, granted: true, at: NOW },
      ],
      health: false,
      signatureFor: [],
    });
  });

  it('asks for a signature for a granted consent whose text needs one', () => {
    const r = decideConsents(SETTINGS, [], [{ kind: 'terms', version: 2, granted: true }, { kind: 'health', version: 1, granted: true }], NOW);
    expect(r).toMatchObject({ health: true, signatureFor: ['health'] });
  });

  it('requires the terms now or granted earlier for the same version', () => {
    expect(decideConsents(SETTINGS, [], [], NOW)).toEqual({ reason: 'consent_terms_required', kind: 'terms' });
    expect(decideConsents(SETTINGS, [], [{ kind: 'terms', version: 2, granted: false }], NOW)).toMatchObject({ reason: 'consent_terms_required' });
    const earlier = [{ kind: 'terms' as const, version: 2, granted: true, at: 1 }, { kind: 'health' as const, version: 1, granted: true, at: 1 }];
    expect(decideConsents(SETTINGS, earlier, [], NOW)).toEqual({ records: [], health: true, signatureFor: [] });
    // An older version of the terms no longer counts.
    expect(decideConsents(SETTINGS, [{ kind: 'terms', version: 1, granted: true, at: 1 }], [], NOW)).toMatchObject({ reason: 'consent_terms_required' });
  });

  it('refuses an outdated text, a consent the salon does not ask for, and the same consent twice', () => {
    expect(decideConsents(SETTINGS, [], [{ kind: 'terms', version: 1, granted: true }], NOW)).toEqual({ reason: 'consent_outdated', kind: 'terms' });
    expect(decideConsents({ terms: SETTINGS.terms }, [], [{ kind: 'marketing', version: 1, granted: true }], NOW)).toEqual({
      reason: 'consent_unknown',
      kind: 'marketing',
    });
    const twice = [{ kind: 'terms' as const, version: 2, granted: true }, { kind: 'terms' as const, version: 2, granted: false }];
    expect(decideConsents(SETTINGS, [], twice, NOW)).toEqual({ reason: 'consent_duplicate' });
  });

  it('with no choice made now, health answers are kept only when the health consent on file is for the current text', () => {
    const termsOnly = [{ kind: 'terms' as const, version: 2, granted: true, at: 1 }];
    expect(decideConsents(SETTINGS, termsOnly, [], NOW)).toEqual({ records: [], health: false, signatureFor: [] });
    expect(decideConsents({ terms: SETTINGS.terms }, termsOnly, [], NOW)).toEqual({ records: [], health: true, signatureFor: [] });
  });
});

describe('grantedConsents', () => {
  it('is the latest choice per kind: a later no withdraws', () => {
    expect(
      grantedConsents([
        { kind: 'terms', version: 1, granted: true, at: 1 },
        { kind: 'marketing', version: 1, granted: true, at: 1 },
        { kind: 'terms', version: 2, granted: true, at: 2 },
        { kind: 'marketing', version: 1, granted: false, at: 3 },
      ]),
    ).toEqual({ terms: 2, health: null, marketing: null });
    expect(grantedConsents(undefined)).toEqual({ terms: null, health: null, marketing: null });
  });
});

describe('birthdayProblem', () => {
  const now = Date.UTC(2026, 10, 23, 20, 0);
  it('accepts a real past date up to today on the salon’s calendar', () => {
    expect(birthdayProblem('1990-04-25', now, 'UTC')).toBeNull();
    expect(birthdayProblem('2026-11-23', now, 'UTC')).toBeNull();
    // 20:00 UTC is already the 24th in Shanghai.
    expect(birthdayProblem('2026-11-24', now, 'Asia/Shanghai')).toBeNull();
  });
  it('names impossible, future and implausibly old birthdays', () => {
    expect(birthdayProblem('1990-02-30', now, 'UTC')).toBe('birthday_format');
    expect(birthdayProblem('1990-13-01', now, 'UTC')).toBe('birthday_format');
    expect(birthdayProblem('25/04/1990', now, 'UTC')).toBe('birthday_format');
    expect(birthdayProblem('2026-11-24', now, 'UTC')).toBe('birthday_future');
    expect(birthdayProblem('1906-11-22', now, 'UTC')).toBe('birthday_too_old');
    expect(birthdayProblem('1906-11-23', now, 'UTC')).toBeNull();
  });
});
