import { describe, expect, it } from 'vitest';
import { unacceptedAssignments } from './assignment.ts';
import { MIN, NOON_ISH, visit } from './test-floor.ts';

const now = NOON_ISH;
const assigned = (id: string, minutesAgo: number, acceptedAt: number | null = null) =>
  visit(id, 'facial', 'assigned', { staffId: 'mei', roomId: 'r1', acceptedAt, times: { queued: 0, assigned: now - minutesAgo * MIN } });

describe('unacceptedAssignments', () => {
  it('gives back assignments not accepted within the salon’s minutes (5 by default), and only those', () => {
    const visits = [assigned('late', 5), assigned('fresh', 4), assigned('accepted', 30, now - 29 * MIN), visit('q', 'facial', 'queued')];
    expect(unacceptedAssignments(visits, now, {}).map((v) => v.id)).toEqual(['late']);
  });

  it('follows the salon’s own setting', () => {
    const visits = [assigned('a', 9), assigned('b', 10)];
    expect(unacceptedAssignments(visits, now, { acceptWithinMin: 10 }).map((v) => v.id)).toEqual(['b']);
    expect(unacceptedAssignments(visits, now, { acceptWithinMin: 2 }).map((v) => v.id)).toEqual(['a', 'b']);
  });
});
