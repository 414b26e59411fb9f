import { describe, expect, it } from 'vitest';
import { HistoryChecks } from './history-checks.ts';
import { makeVisit } from './testing/fixtures.ts';

describe('HistoryChecks (visits read from months left on disk)', () => {
  it('keeps the wanted clients’ visits that pass the schema and drops the others', async () => {
    const checks = new HistoryChecks();
    const good = makeVisit('v1', 'ann', 'closed');
    const broken = { ...makeVisit('v2', 'ann', 'closed'), times: 'yesterday' };
    const other = makeVisit('v3', 'bob', 'closed');
    const kept = await checks.keep([{ file: 'visits-2024-01.r3.json', ranges: [[10, 5], [15, 5], [20, 5]], visits: [good, broken, other] }], new Set(['ann']));
    expect(kept.map((v) => v.id)).toEqual(['v1']);
  });

  it('checks a range of a file once, a file read whole every time', async () => {
    const checks = new HistoryChecks();
    const visit = makeVisit('v1', 'ann', 'closed');
    const ranges = [[100, 40]] as const;
    await checks.keep([{ file: 'visits-2024-01.r3.json', ranges, visits: [visit] }], new Set(['ann']));
    // The same bytes parse to the same visit: a second read of that range is not checked again (a stand-in that
    // would fail shows it). Another range, another file, or a whole-file read is checked.
    const stand = { ...visit, times: 'not checked' };
    const again = await checks.keep([{ file: 'visits-2024-01.r3.json', ranges, visits: [stand] }], new Set(['ann']));
    expect(again).toHaveLength(1);
    const otherRange = await checks.keep([{ file: 'visits-2024-01.r3.json', ranges: [[100, 41]], visits: [stand] }], new Set(['ann']));
    const otherFile = await checks.keep([{ file: 'visits-2024-01.r4.json', ranges, visits: [stand] }], new Set(['ann']));
    const whole = await checks.keep([{ file: 'visits-2024-01.r3.json', ranges: null, visits: [stand] }], new Set(['ann']));
    expect([otherRange, otherFile, whole]).toEqual([[], [], []]);
  });

  it('lets the event loop run between a few hundred checks', async () => {
    const checks = new HistoryChecks();
    const visits = Array.from({ length: 1_000 }, (_, i) => makeVisit(`v${i}`, 'ann', 'closed'));
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const kept = await checks.keep([{ file: 'visits-2024-02.r3.json', ranges: null, visits }], new Set(['ann']));
    clearInterval(ticking);
    expect(kept).toHaveLength(1_000);
    expect(turns).toBeGreaterThan(0);
  });
});
