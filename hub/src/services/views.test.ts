import { LOW_RATING_WINDOW_MS, type Visit } from '@glow/shared';
import { describe, expect, it } from 'vitest';
import { ActiveVisits } from './active-visits.ts';
import { demoState, testVisit } from './test-state.ts';
import { canSeeVisit, ticketOf, type Audience } from './views.ts';

const NOW = Date.UTC(2026, 10, 23, 10, 0);
const MIN = 60_000;
const rating = (csat: number) => ({ csat, nps: null, tags: [], comment: '' });
const closed = (id: string, csat: number | null, closedAt: number, staffId = 'mei'): Visit =>
  testVisit({ id, state: 'closed', staffId, rating: csat === null ? null : rating(csat), times: { closed: closedAt } });

const floor: Audience = { kind: 'floor' };
const manager: Audience = { kind: 'manager' };
const mei: Audience = { kind: 'beautician', staffId: 'mei' };

describe('who sees a visit', () => {
  it('shows the floor and the manager a visit closed within the hour with CSAT ≤ 2', () => {
    for (const csat of [1, 2]) {
      const v = closed('v', csat, NOW - 10 * MIN);
      expect(canSeeVisit(floor, v, NOW)).toBe(true);
      expect(canSeeVisit(manager, v, NOW)).toBe(true);
    }
  });

  it('never shows a closed visit to a beautician, even their own low rating', () => {
    expect(canSeeVisit(mei, closed('v', 1, NOW - MIN), NOW)).toBe(false);
  });

  it('hides closed visits rated 3 or more, unrated, cancelled or no-show, and low ratings once the hour has passed', () => {
    expect(canSeeVisit(floor, closed('v', 3, NOW - MIN), NOW)).toBe(false);
    expect(canSeeVisit(floor, closed('v', null, NOW - MIN), NOW)).toBe(false);
    expect(canSeeVisit(floor, testVisit({ id: 'v', state: 'cancelled', rating: rating(1), times: { closed: NOW - MIN } }), NOW)).toBe(false);
    expect(canSeeVisit(floor, testVisit({ id: 'v', state: 'no_show', times: {} }), NOW)).toBe(false);
    const v = closed('v', 2, NOW - 10 * MIN);
    expect(canSeeVisit(floor, v, NOW - 10 * MIN + LOW_RATING_WINDOW_MS - 1)).toBe(true);
    expect(canSeeVisit(floor, v, NOW - 10 * MIN + LOW_RATING_WINDOW_MS)).toBe(false);
  });

  it('keeps the active-visit rules: the floor sees every active visit, a beautician only their own', () => {
    const v = testVisit({ id: 'v', state: 'in_service', staffId: 'mei' });
    expect(canSeeVisit(floor, v, NOW)).toBe(true);
    expect(canSeeVisit(mei, v, NOW)).toBe(true);
    expect(canSeeVisit({ kind: 'beautician', staffId: 'anna' }, v, NOW)).toBe(false);
    expect(canSeeVisit({ kind: 'locked' }, v, NOW)).toBe(false);
  });
});

describe('the index of recent low ratings', () => {
  it('is rebuilt by one scan, follows changes, and lists only those within the hour at the moment asked', () => {
    const visits: Record<string, Visit> = {
      low: closed('low', 2, NOW - 10 * MIN),
      old: closed('old', 1, NOW - 70 * MIN),
      fine: closed('fine', 5, NOW - MIN),
      on: testVisit({ id: 'on', state: 'in_service' }),
    };
    const state = { visits } as unknown as Parameters<ActiveVisits['recentLowRatings']>[0];
    const index = new ActiveVisits();
    index.rebuild(visits);
    expect(index.recentLowRatings(state, NOW).map((v) => v.id)).toEqual(['low']);

    visits.on = closed('on', 1, NOW);
    index.note({ on: visits.on });
    expect(index.recentLowRatings(state, NOW).map((v) => v.id).sort()).toEqual(['low', 'on']);
    expect(index.recentLowRatings(state, NOW + 50 * MIN).map((v) => v.id)).toEqual(['on']);

    // A rating corrected upwards takes it off the list.
    visits.on = { ...visits.on, rating: rating(4) };
    index.note({ on: visits.on });
    expect(index.recentLowRatings(state, NOW).map((v) => v.id)).toEqual(['low']);
  });
});

describe('the lobby ticket', () => {
  const estimates = { byVisit: new Map<string, number | null>([['v', 12]]), byService: new Map() };

  it("names the beautician by first name once assigned, or the one the client's booking asked for", async () => {
    const state = await demoState();
    const meiName = state.staff['mei']!.name.split(' ')[0];
    expect(ticketOf(state, testVisit({ id: 'v', state: 'assigned', staffId: 'mei' }), estimates).beautician).toBe(meiName);
    expect(ticketOf(state, testVisit({ id: 'v', state: 'queued', preferredStaffId: 'mei' }), estimates)).toMatchObject({
      beautician: meiName,
      estimateMin: 12,
    });
  });

  it('names nobody while no one is known, and carries nothing about the client', async () => {
    const state = await demoState();
    const ticket = ticketOf(state, testVisit({ id: 'v', state: 'queued' }), estimates);
    expect(ticket.beautician).toBeNull();
    expect(Object.keys(ticket).sort()).toEqual(['beautician', 'estimateMin', 'serviceId', 'state', 'ticket']);
  });
});
