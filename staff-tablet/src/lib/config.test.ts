import { describe, expect, it } from 'vitest';
import { LOCK_AFTER_MS } from './config.ts';

describe('idle lock per role', () => {
  it('every signed-in role locks after idle, room tablets soonest (#14)', () => {
    for (const [role, limit] of Object.entries(LOCK_AFTER_MS)) {
      expect(limit, role).toBeGreaterThan(0);
      expect(limit, role).toBeLessThanOrEqual(10 * 60_000);
    }
    expect(LOCK_AFTER_MS.beautician).toBeLessThan(LOCK_AFTER_MS.manager ?? 0);
  });
});
