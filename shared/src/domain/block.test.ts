import { describe, expect, it } from 'vitest';
import { planAssignments } from './assignment.ts';
import { needsManagerOverride } from './block.ts';
import { beautician, NOON_ISH, room, service, settings, visit } from './test-floor.ts';
import { estimateWaits } from './wait-estimate.ts';

const facial = service('facial', 'facial', 60);
const override = { by: 'olivia', at: 1, reason: 'checked' };

describe('a blocked visit', () => {
  // One beautician, one room: the blocked client is first in the queue, a second client behind them.
  const floor = (blockOverride: typeof override | null) => ({
    visits: [
      visit('blocked', 'facial', 'queued', { queueRank: 1, blocked: true, blockOverride }),
      visit('next', 'facial', 'queued', { queueRank: 2 }),
    ],
    rooms: [room('r1')],
    staff: [beautician('mei', ['facial'])],
    services: { facial },
  });

  it('needs a manager until overridden', () => {
    expect(needsManagerOverride({ blocked: true, blockOverride: null })).toBe(true);
    expect(needsManagerOverride({ blocked: true, blockOverride: override })).toBe(false);
    expect(needsManagerOverride({ blocked: false, blockOverride: null })).toBe(false);
  });

  it('is skipped by the planner and takes no place in the wait estimate, so the next client goes first', () => {
    expect(planAssignments(floor(null), NOON_ISH, settings())).toEqual([{ visitId: 'next', roomId: 'r1', staffId: 'mei' }]);
    const waits = estimateWaits(floor(null), NOON_ISH, settings());
    expect(waits.byVisit.get('blocked')).toBeNull();
    expect(waits.byVisit.get('next')).toBe(0);
  });

  it('takes its place in the queue again once a manager has overridden it', () => {
    expect(planAssignments(floor(override), NOON_ISH, settings())).toEqual([{ visitId: 'blocked', roomId: 'r1', staffId: 'mei' }]);
    expect(estimateWaits(floor(override), NOON_ISH, settings()).byVisit.get('next')).toBe(60 + 10);
  });
});
