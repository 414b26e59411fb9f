import { describe, expect, it } from 'vitest';
import type { Visit } from '../schemas/visit.schema.ts';
import { reorderRank } from './queue.ts';
import { visit } from './test-floor.ts';

const q = (id: string, queueRank: number, state: Visit['state'] = 'queued') => visit(id, 'facial', state, { queueRank });
const visits = [q('a', 100), q('b', 200), q('c', 300), q('d', 400), q('gone', 250, 'assigned')];
const orderAfter = (vs: Visit[], id: string, rank: number) =>
  vs
    .filter((v) => v.state === 'queued')
    .map((v) => (v.id === id ? { ...v, queueRank: rank } : v))
    .sort((x, y) => x.queueRank - y.queueRank || (x.id < y.id ? -1 : 1))
    .map((v) => v.id);

describe('reorderRank', () => {
  it('puts a visit between its new neighbours at the midpoint', () => {
    expect(reorderRank(visits, 'd', 'b')).toBe(150);
    expect(orderAfter(visits, 'd', 150)).toEqual(['a', 'd', 'b', 'c']);
  });

  it('moves a visit down', () => {
    expect(reorderRank(visits, 'a', 'd')).toBe(350);
    expect(orderAfter(visits, 'a', 350)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('puts a visit first, one below the first', () => {
    expect(reorderRank(visits, 'c', 'a')).toBe(99);
  });

  it('puts a visit last, one above the last, when there is no visit to go before or it is not queued', () => {
    expect(reorderRank(visits, 'a', null)).toBe(401);
    expect(reorderRank(visits, 'a', 'gone')).toBe(401);
    expect(reorderRank(visits, 'a', 'unknown')).toBe(401);
  });

  it('keeps the rank when the visit is already there', () => {
    expect(reorderRank(visits, 'b', 'c')).toBe(200);
    expect(reorderRank(visits, 'd', null)).toBe(400);
    expect(reorderRank(visits, 'b', 'b')).toBe(200);
    expect(reorderRank([q('solo', 7)], 'solo', null)).toBe(7);
  });

  it('does not touch anyone else, and many moves into one gap keep working', () => {
    let vs = visits.map((v) => ({ ...v }));
    for (let i = 0; i < 30; i++) {
      const mover = i % 2 ? 'c' : 'd';
      const rank = reorderRank(vs, mover, 'b');
      vs = vs.map((v) => (v.id === mover ? { ...v, queueRank: rank } : v));
      const order = orderAfter(vs, mover, rank);
      expect(order.indexOf(mover)).toBe(order.indexOf('b') - 1);
    }
    expect(vs.find((v) => v.id === 'a')?.queueRank).toBe(100);
    expect(vs.find((v) => v.id === 'b')?.queueRank).toBe(200);
  });
});
