import { describe, expect, it } from 'vitest';
import type { FollowUpTask } from '@glow/shared';
import { followUpErasure, followUpMerge } from './follow-up-erasure.ts';

const task = (id: string, clientId: string): FollowUpTask => ({
  id,
  clientId,
  visitId: 'v1',
  bookingId: null,
  productId: null,
  rule: 'day1',
  dueDate: '2026-12-04',
  assigneeId: null,
  dedupeKey: `day1:${id}`,
  state: 'done',
  createdAt: 1,
  attempts: [{ at: 2, by: 'grace', outcome: 'reached', note: 'All fine', retryAt: null, complaintId: null }],
});

describe("a client's follow-up tasks", () => {
  const state = { followUpTasks: { a: task('a', 'c1'), b: task('b', 'c2'), c: task('c', 'c1') } };

  it('erasure deletes all of hers and nobody else’s', () => {
    expect(followUpErasure(state, 'c1')).toEqual({ followUpTasks: { a: null, c: null } });
    expect(followUpErasure(state, 'nobody')).toEqual({});
  });

  it('a merge moves hers, attempts kept, to the record kept', () => {
    const moved = followUpMerge(state, 'c1', 'c2').followUpTasks!;
    expect(Object.keys(moved)).toEqual(['a', 'c']);
    expect(moved['a']).toEqual({ ...task('a', 'c2') });
  });
});
