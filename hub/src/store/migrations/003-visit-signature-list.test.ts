import { describe, expect, it } from 'vitest';
import { visitSignatureList } from './003-visit-signature-list.ts';

const signature = { consent: 'terms', width: 100, height: 50, strokes: [[1, 2, 3, 4]], at: 7 };

describe('migration 3: visit signatures as a list', () => {
  it('turns a single signature into a list of one', () => {
    expect(visitSignatureList.up({ visits: { v: { id: 'v', signature } } })).toEqual({
      visits: { v: { id: 'v', signature: [signature] } },
    });
  });

  it('gives a visit without the field no signature (null)', () => {
    expect(visitSignatureList.up({ visits: { v: { id: 'v' } } })).toEqual({ visits: { v: { id: 'v', signature: null } } });
  });

  it('keeps a list and a null as they are', () => {
    const data = { visits: { a: { id: 'a', signature: [signature] }, b: { id: 'b', signature: null } } };
    expect(visitSignatureList.up(data)).toBe(data);
  });
});
