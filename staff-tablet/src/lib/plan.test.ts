import { describe, expect, it } from 'vitest';
import { addProduct, clampDuration } from './plan.ts';
import { handBackText } from './vocab.ts';

describe('plan editing helpers', () => {
  it('adds a product once, trimmed, ignoring case', () => {
    expect(addProduct([], '  Calming   serum ')).toEqual(['Calming serum']);
    expect(addProduct(['Calming serum'], 'calming SERUM')).toEqual(['Calming serum']);
    expect(addProduct(['a'], '   ')).toEqual(['a']);
  });

  it('keeps the duration in 5-minute steps within the schema bounds', () => {
    expect(clampDuration(0)).toBe(5);
    expect(clampDuration(62)).toBe(60);
    expect(clampDuration(999)).toBe(480);
  });

  it('words a hand-back from a picked reason and typed text', () => {
    expect(handBackText('Contraindication', ' isotretinoin ')).toBe('Contraindication: isotretinoin');
    expect(handBackText(null, 'late')).toBe('late');
    expect(handBackText('Unwell', '')).toBe('Unwell');
  });
});
