import { describe, expect, it } from 'vitest';
import { nextTicket } from './ticket.ts';
import { applyPatch, isGap } from './view-patch.ts';

describe('nextTicket', () => {
  it('counts up within a day and starts again at A001 the next day', () => {
    const first = nextTicket({ day: '', last: 0 }, '2026-11-23');
    expect(first.ticket).toBe('A001');
    const second = nextTicket(first.counter, '2026-11-23');
    expect(second.ticket).toBe('A002');
    expect(nextTicket(second.counter, '2026-11-24').ticket).toBe('A001');
  });
});

describe('applyPatch', () => {
  const view: Record<string, Record<string, { n?: number; s?: string }>> = {
    visits: { a: { n: 1 }, b: { n: 2 } },
    rooms: { r: { s: 'free' } },
  };

  it('sets and deletes records without touching the input', () => {
    const next = applyPatch(view, { revision: 2, set: { visits: { b: { n: 3 }, c: { n: 4 } } }, del: { visits: ['a'] } });
    expect(next).toEqual({ visits: { b: { n: 3 }, c: { n: 4 } }, rooms: { r: { s: 'free' } } });
    expect(view.visits).toEqual({ a: { n: 1 }, b: { n: 2 } });
  });

  it('tells a gap from the next revision', () => {
    expect(isGap(4, { revision: 5 })).toBe(false);
    expect(isGap(4, { revision: 6 })).toBe(true);
  });
});
