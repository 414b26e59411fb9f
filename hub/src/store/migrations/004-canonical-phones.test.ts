import { describe, expect, it } from 'vitest';
import { canonicalPhones } from './004-canonical-phones.ts';

describe('migration 4: canonical phone numbers', () => {
  it('puts every way a number was stored into one form', () => {
    const out = canonicalPhones.up({
      clients: {
        a: { id: 'a', phone: '13800138000' },
        b: { id: 'b', phone: '+8613800138000' },
        c: { id: 'c', phone: '+442079460958' },
      },
    });
    expect(out).toEqual({
      clients: {
        a: { id: 'a', phone: '+8613800138000' },
        b: { id: 'b', phone: '+8613800138000' },
        c: { id: 'c', phone: '+442079460958' },
      },
    });
  });

  it('keeps a number that does not parse, and a journal deletion, as they are', () => {
    const data = { clients: { x: { id: 'x', phone: '12' }, gone: null } };
    expect(canonicalPhones.up(data)).toBe(data);
  });
});
