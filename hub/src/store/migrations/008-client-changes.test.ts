import { describe, expect, it } from 'vitest';
import { clientChangesCollection } from './008-client-changes.ts';

describe('migration 8: the client change log', () => {
  it('leaves data without the collection as it is (the partition is added later and starts empty)', () => {
    const data = { clients: { k1: { id: 'k1' } } };
    expect(clientChangesCollection.up(data)).toBe(data);
  });

  it('keeps entries that are there, and gives a damaged value the empty collection', () => {
    const data = { clientChanges: { e1: { id: 'e1' } } };
    expect(clientChangesCollection.up(data)).toBe(data);
    expect(clientChangesCollection.up({ clientChanges: null })).toEqual({ clientChanges: {} });
    expect(clientChangesCollection.up({ clientChanges: [1] })).toEqual({ clientChanges: {} });
  });
});
