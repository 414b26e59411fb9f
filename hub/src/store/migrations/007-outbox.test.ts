import { describe, expect, it } from 'vitest';
import { outboxCollection } from './007-outbox.ts';

describe('migration 7: the outbox', () => {
  it('leaves data without the collection as it is (the partition is added later and starts empty)', () => {
    const data = { clients: { k1: { id: 'k1' } } };
    expect(outboxCollection.up(data)).toBe(data);
  });

  it('keeps messages that are there, and gives a damaged value the empty collection', () => {
    const data = { outbox: { m1: { id: 'm1' } } };
    expect(outboxCollection.up(data)).toBe(data);
    expect(outboxCollection.up({ outbox: null })).toEqual({ outbox: {} });
    expect(outboxCollection.up({ outbox: 'x' })).toEqual({ outbox: {} });
  });
});
