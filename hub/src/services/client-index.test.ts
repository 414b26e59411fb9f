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

describe('the number of a record merged away (#16)', () => {
  it('still belongs to the kept person: a look-up finds the kept record, through a chain of merges', () => {
    const index = new ClientIndex();
    index.rebuild({ li: client('li', '+8613700137000', 10), zoe: client('zoe', '+8613800138000', 20), wang: client('wang', '+8613900139000', 30) });
    index.note({ li: client('li', '+8613700137000', 10, { mergedInto: 'zoe' }) });
    expect(index.find('+8613700137000')).toBe('zoe');
    index.note({ zoe: client('zoe', '+8613800138000', 20, { mergedInto: 'wang' }) });
    expect(index.find('+8613700137000')).toBe('wang');
    expect(index.find('+8613800138000')).toBe('wang');
    // Rebuilt from the stored state (a restart), the same.
    index.rebuild({
      li: client('li', '+8613700137000', 10, { mergedInto: 'zoe' }),
      zoe: client('zoe', '+8613800138000', 20, { mergedInto: 'wang' }),
      wang: client('wang', '+8613900139000', 30),
    });
    expect(index.find('+8613700137000')).toBe('wang');
  });

  it('lets a live owner of the same number win, and lets go of the number when the merged record is erased', () => {
    const index = new ClientIndex();
    index.rebuild({ a: client('a', '+8613700137000', 10), dupe: client('dupe', '+8613700137000', 20, { mergedInto: 'b' }), b: client('b', '+8613800138000', 5) });
    expect(index.find('+8613700137000')).toBe('a');
    index.note({ li: client('li', '+8613600136000', 10, { mergedInto: 'b' }) });
    expect(index.find('+8613600136000')).toBe('b');
    index.note({ li: null });
    expect(index.find('+8613600136000')).toBeUndefined();
    // The kept record erased (its merged record left behind): the number is nobody's.
    index.note({ li: client('li', '+8613600136000', 10, { mergedInto: 'b' }) });
    index.note({ b: null });
    expect(index.find('+8613600136000')).toBeUndefined();
  });
});
