import type { FollowUpTask } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { demoState, testVisit } from '../test-state.ts';

/** A follow-up task with every field filled in, for the decisions' tests: override what the test is about. */
export function testTask(overrides: Partial<FollowUpTask> & { id: string }): FollowUpTask {
  return {
    clientId: 'c1',
    visitId: 'v1',
    bookingId: null,
    productId: null,
    rule: 'day1',
    dueDate: '2026-12-03',
    assigneeId: 'anna',
    dedupeKey: `day1:${overrides.id}`,
    state: 'open',
    createdAt: 0,
    attempts: [],
    ...overrides,
  };
}

/** 3 December 2026, 10:00 in the salon (UTC in these tests). */
export const NOW = Date.UTC(2026, 11, 3, 10, 0);

/** The demo salon (UTC) with Lina, her facial closed yesterday by Anna, and a day-1 call for Anna. */
export async function followUpState(): Promise<HubState> {
  const state = await demoState();
  state.clients.c1 = { id: 'c1', firstName: 'Lina', lastName: 'Zhou', phone: '+8613800138000', language: 'zh-CN', createdAt: 0, referredBy: null } as HubState['clients'][string];
  state.visits.v1 = testVisit({
    id: 'v1',
    state: 'closed',
    staffId: 'anna',
    times: { closed: NOW - 86_400_000 },
    rating: { csat: 4, nps: 9, tags: ['friendly'], comment: 'Lovely' },
  });
  state.followUpTasks.t1 = testTask({ id: 't1' });
  return state;
}

export const ANNA = { staffId: 'anna', role: 'beautician' as const };
export const DESK = { staffId: 'grace', role: 'front_desk' as const };
export const MANAGER = { staffId: 'olivia', role: 'manager' as const };
