import { SIGNATURE_LIMITS } from '@glow/shared';

export type DrawnPoint = { x: number; y: number };
export type StrokesResult = { ok: true; strokes: number[][] } | { ok: false; reason: 'too_short' | 'too_long' };

/** Fewer than this many points is a tap, not a signature (the hub refuses it too). */
const MIN_POINTS = 5;

/**
 * The drawn strokes as the contract carries them: each stroke a flat list of x,y pairs in whole pixels within the
 * pad. A long signature is thinned (every n-th point, keeping each stroke's ends) to stay within the hub's bound on
 * points; more strokes than the bound allows is refused rather than cut, so nothing of it is silently lost.
 */
export function toStrokes(groups: readonly DrawnPoint[][], width: number, height: number): StrokesResult {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));
  const strokes = groups.filter((g) => g.length > 0);
  const total = strokes.reduce((n, g) => n + g.length, 0);
  if (total < MIN_POINTS) return { ok: false, reason: 'too_short' };
  if (strokes.length > SIGNATURE_LIMITS.maxStrokes) return { ok: false, reason: 'too_long' };
  const step = Math.max(1, Math.ceil(total / SIGNATURE_LIMITS.maxPointsTotal));
  const out = strokes.map((g) => {
    const kept = g.filter((_, i) => i % step === 0 || i === g.length - 1);
    return kept.flatMap((p) => [clamp(p.x, width), clamp(p.y, height)]);
  });
  const points = out.reduce((n, s) => n + s.length / 2, 0);
  if (points > SIGNATURE_LIMITS.maxPointsTotal) return { ok: false, reason: 'too_long' };
  return { ok: true, strokes: out };
}
