import { describe, expect, it } from 'vitest';
import { clientReferredBy } from './012-client-referred-by.ts';

describe('migration 12: clients name who referred them', () => {
  it('gives a client stored before the field null: nobody recorded', () => {
    const out = clientReferredBy.up({ clients: { c: { id: 'c', firstName: 'Ann' } } }) as { clients: Record<string, Record<string, unknown>> };
    expect(out.clients['c']).toEqual({ id: 'c', firstName: 'Ann', referredBy: null });
  });

  it('keeps a referral already recorded, a deletion, and data without clients as they are', () => {
    const current = { clients: { c: { id: 'c', referredBy: 'b' }, gone: null } };
    expect(clientReferredBy.up(current)).toBe(current);
    const other = { visits: { v: { id: 'v' } } };
    expect(clientReferredBy.up(other)).toBe(other);
  });
});
