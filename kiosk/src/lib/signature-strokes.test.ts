import { SIGNATURE_LIMITS } from '@glow/shared';
import { describe, expect, it } from 'vitest';
import { toStrokes } from './signature-strokes.ts';

const line = (n: number, y = 10) => Array.from({ length: n }, (_, i) => ({ x: i * 0.5, y }));

describe('toStrokes', () => {
  it('flattens each stroke to whole-pixel x,y pairs within the pad', () => {
    expect(toStrokes([[{ x: 1.4, y: 2.6 }, { x: 3, y: 4 }, { x: 350, y: -2 }], [{ x: 5, y: 5 }, { x: 6, y: 6 }]], 300, 100)).toEqual({
      ok: true,
      strokes: [
        [1, 3, 3, 4, 300, 0],
        [5, 5, 6, 6],
      ],
    });
  });

  it('refuses a tap as a signature', () => {
    expect(toStrokes([[{ x: 1, y: 1 }, { x: 2, y: 2 }]], 300, 100)).toEqual({ ok: false, reason: 'too_short' });
    expect(toStrokes([], 300, 100)).toEqual({ ok: false, reason: 'too_short' });
  });

  it('thins a long signature to the hub’s bound on points, keeping each stroke’s ends', () => {
    const result = toStrokes([line(9000), line(3001, 50)], 5000, 100);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const points = result.strokes.reduce((n, s) => n + s.length / 2, 0);
    expect(points).toBeLessThanOrEqual(SIGNATURE_LIMITS.maxPointsTotal);
    expect(result.strokes[0]!.slice(-2)).toEqual([4500, 10]);
  });

  it('refuses more strokes than the hub keeps rather than dropping some', () => {
    const many = Array.from({ length: SIGNATURE_LIMITS.maxStrokes + 1 }, () => line(3));
    expect(toStrokes(many, 300, 100)).toEqual({ ok: false, reason: 'too_long' });
  });
});
