import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasBlockingFlag } from '@glow/shared';
import { DEMO_QUESTIONNAIRES } from './demo-catalogue.ts';

/**
 * The README's example of a blocking answer is the demo facial's isotretinoin question: what it says must be what the
 * kiosk asks ("in the past year") and what the rules do (a last dose within six months blocks, 6–12 months warns).
 */
describe('the README’s isotretinoin example', () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  const facial = DEMO_QUESTIONNAIRES.find((q) => q.category === 'facial')!;

  it('names the period the kiosk asks about', () => {
    const asked = facial.questions.find((q) => q.id === 'isotretinoin')!;
    expect(asked.label.en).toContain('in the past year');
    expect(readme).toContain('isotretinoin taken in the past year, last dose within six months');
    expect(readme).not.toContain('isotretinoin in the last six months');
  });

  it('says what the rules of the demo do: a last dose within six months blocks, an older one does not', () => {
    const today = '2026-11-23';
    const base = { pregnant: false, isotretinoin: true, sunburn: false, skin_allergy: false, concerns: [] };
    expect(hasBlockingFlag(facial, { ...base, isotretinoin_last: '2026-07-01' }, today)).toBe(true);
    expect(hasBlockingFlag(facial, { ...base, isotretinoin_last: '2026-02-01' }, today)).toBe(false);
  });
});
