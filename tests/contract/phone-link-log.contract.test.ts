import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closedFacial } from '../support/aftercare-visit.ts';
import { connectStaff, startHub, type TestHub } from '../support/hub-harness.ts';

/**
 * A phone link's token is its capability, stored only as a hash (DESIGN §6): a route that fails must not write the
 * token into the hub's log either.
 */
describe('a failing phone page', () => {
  let t: TestHub;
  beforeEach(async () => {
    t = await startHub();
  }, 30_000);
  afterEach(async () => {
    await t.stop();
  });

  it('logs its path without the link’s token', async () => {
    const desk = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    const { path } = await closedFacial(t, desk);
    const token = path.split('/')[2]!;
    const logged: object[] = [];
    const deps = t.hub.core.deps as { logger: typeof t.hub.core.deps.logger; clock: () => number };
    deps.logger = { ...deps.logger, error: (obj: object) => void logged.push(obj) };
    // The page reads the clock first: a broken clock makes the route fail.
    const clock = deps.clock;
    deps.clock = () => {
      throw new Error('clock broke');
    };
    try {
      for (const page of [path, `${path}/report`, `${path}/book`]) {
        const res = await fetch(`${t.url}${page}`);
        expect(res.status, page).toBe(500);
      }
    } finally {
      deps.clock = clock;
    }
    // Only the pages' errors name a path (a timer of the hub that read the broken clock meanwhile logs its own).
    const pageErrors = logged.filter((entry) => 'path' in entry);
    expect(pageErrors).toHaveLength(3);
    for (const entry of pageErrors) {
      expect(JSON.stringify({ ...entry, err: undefined })).not.toContain(token);
      expect((entry as { path: string }).path).toMatch(/^\/a\/…(\/report|\/book)?$/);
    }
  });
});
