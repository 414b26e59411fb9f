import { describe, expect, it } from 'vitest';
import type { ConsentSettings, Signature } from '../../schemas/consent.schema.ts';
import { decideConsentStep } from './check-in-consents.ts';
import { NOW } from './test-builders.ts';

const text = (s: string) => ({ en: s, 'zh-CN': s });
const consent = (kind: 'terms' | 'health', required: boolean, signatureRequired: boolean) =>
  ({ kind, version: 1, required, signatureRequired, title: text(kind), body: text(kind) }) as unknown as NonNullable<ConsentSettings['terms']>;
const settings = { terms: consent('terms', true, false), health: consent('health', false, true) } as ConsentSettings;
const sign = (kind: 'terms' | 'health'): Signature => ({ consent: kind, width: 100, height: 50, strokes: [[1, 1, 9, 9, 20, 20, 30, 30, 40, 40]] });
const grant = (health: boolean) => [
  { kind: 'terms' as const, version: 1, granted: true },
  { kind: 'health' as const, version: 1, granted: health },
];

describe('decideConsentStep', () => {
  it('records the choices and keeps each signature with the time it was given', () => {
    const step = decideConsentStep(settings, [], grant(true), [sign('health')], NOW);
    expect(step).toMatchObject({ health: true, signatureFor: ['health'], signature: [{ ...sign('health'), at: NOW }] });
    expect(step).toMatchObject({ records: [{ kind: 'terms', granted: true, at: NOW }, { kind: 'health', granted: true, at: NOW }] });
  });

  it('asks for the signature of each granted consent that needs one, naming it', () => {
    expect(decideConsentStep(settings, [], grant(true), [], NOW)).toEqual({
      code: 'invalid_input',
      reason: 'signature_required',
      params: { consent: 'consent.kind.health' },
    });
  });

  it('refuses a signature for a consent not granted now', () => {
    expect(decideConsentStep(settings, [], grant(false), [sign('health')], NOW)).toMatchObject({ reason: 'signature_not_granted' });
  });

  it('refuses an outdated text as a conflict and a missing required consent as invalid', () => {
    expect(decideConsentStep(settings, [], [{ kind: 'terms', version: 0, granted: true }], [], NOW)).toMatchObject({ code: 'conflict', reason: 'consent_outdated' });
    expect(decideConsentStep(settings, [], [], [], NOW)).toMatchObject({ code: 'invalid_input', reason: 'consent_terms_required' });
  });

  it('without a signature asked for, no signature is kept', () => {
    expect(decideConsentStep(settings, [], grant(false), [], NOW)).toMatchObject({ health: false, signature: null });
  });
});
