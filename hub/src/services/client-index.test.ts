import { describe, expect, it } from 'vitest';
import type { Client } from '@glow/shared';
import { ClientIndex } from './client-index.ts';

const client = (id: string, phone: string, createdAt: number, extra: Partial<Client> = {}): Client => ({
  id,
  firstName: id,
  lastName: '',
  phone,
  language: 'en',
  createdAt,
  referredBy: null,
  ...extra,
});

describe('the phone index', () => {
  it('gives a number two records ended up sharing (stored as typed before migration 4) to the earliest client', () => {
    const index = new ClientIndex();
    index.rebuild({ late: client('late', '+8613800138000', 20), early: client('early', '+8613800138000', 10) });
    expect(index.find('+8613800138000')).toBe('early');
    // A change to the later record does not take the number from the earlier one.
    index.note({ late: client('late', '+8613800138000', 20, { lastName: 'Zhou' }) });
    expect(index.find('+8613800138000')).toBe('early');
  });

  it('never lets a record kept apart as a duplicate own the number', () => {
    const index = new ClientIndex();
    index.rebuild({ a: client('a', '+8613800138000', 10) });
    index.note({ dup: client('dup', '+8613800138000', 5, { duplicateOf: 'a' }), b: client('b', '+8613900139000', 30) });
    expect(index.find('+8613800138000')).toBe('a');
    expect(index.find('+8613900139000')).toBe('b');
  });
});
