import type { ConsentText, KioskView } from '@glow/shared';
import { describe, expect, it } from 'vitest';
import { consentsToAsk, healthConsented } from './consents.ts';

const text = (kind: ConsentText['kind'], version: number): ConsentText => ({
  kind,
  version,
  title: { en: kind, 'zh-CN': kind },
  body: { en: '', 'zh-CN': '' },
  purpose: { en: '', 'zh-CN': '' },
  ifDeclined: { en: '', 'zh-CN': '' },
  required: kind === 'terms',
  signatureRequired: false,
});
const settings: KioskView['consents'] = { marketing: text('marketing', 1), health: text('health', 2), terms: text('terms', 4) };

describe('consentsToAsk', () => {
  it('asks a new client every consent the salon set up, terms first', () => {
    expect(consentsToAsk(settings, null).map((c) => c.kind)).toEqual(['terms', 'health', 'marketing']);
    expect(consentsToAsk({ terms: text('terms', 1) }, null).map((c) => c.kind)).toEqual(['terms']);
  });

  it('asks a returning client only what they have not granted in the current version, and never marketing again', () => {
    expect(consentsToAsk(settings, { terms: 4, health: 2, marketing: null })).toEqual([]);
    expect(consentsToAsk(settings, { terms: 3, health: null, marketing: 1 }).map((c) => c.kind)).toEqual(['terms', 'health']);
  });
});

describe('healthConsented', () => {
  it('follows the answer given now, else a grant of the current version', () => {
    expect(healthConsented(settings, null, [{ kind: 'health', version: 2, granted: false }])).toBe(false);
    expect(healthConsented(settings, { terms: 4, health: 1, marketing: null }, [])).toBe(false);
    expect(healthConsented(settings, { terms: 4, health: 2, marketing: null }, [])).toBe(true);
    expect(healthConsented({}, null, [])).toBe(true);
  });
});
