import { describe, expect, it } from 'vitest';
import type { Plan } from '../schemas/plan.schema.ts';
import { expectedEnd, isOverrun, plannedMinutes } from './overrun.ts';
import { MIN, service, visit } from './test-floor.ts';

const facial = service('facial', 'facial', 60);
const plan = (durationMin: number): Plan => ({
  serviceIds: ['facial'], products: [], intensity: 'standard', durationMin, notes: '',
  version: 2, editedBy: 'mei', editedAt: 0, approvedVersion: 2, approvedAt: 0,
});
const start = 1_000 * MIN;

describe('plannedMinutes', () => {
  it('is the plan’s duration, else the service’s, else unknown', () => {
    expect(plannedMinutes(visit('v', 'facial', 'in_service', { plan: plan(75) }), facial)).toBe(75);
    expect(plannedMinutes(visit('v', 'facial', 'in_service'), facial)).toBe(60);
    expect(plannedMinutes(visit('v', 'facial', 'in_service', { plan: plan(20) }), undefined)).toBe(20);
    expect(plannedMinutes(visit('v', 'facial', 'in_service'), undefined)).toBeNull();
  });
});

describe('isOverrun', () => {
  const running = (extra = {}) => visit('v', 'facial', 'in_service', { times: { in_service: start }, ...extra });

  it('only strictly after the planned end', () => {
    expect(isOverrun(running(), facial, start + 59 * MIN)).toBe(false);
    expect(isOverrun(running(), facial, start + 60 * MIN)).toBe(false);
    expect(isOverrun(running(), facial, start + 60 * MIN + 1)).toBe(true);
  });

  it('against the plan when there is one', () => {
    expect(isOverrun(running({ plan: plan(90) }), facial, start + 70 * MIN)).toBe(false);
    expect(isOverrun(running({ plan: plan(30) }), facial, start + 31 * MIN)).toBe(true);
  });

  it('never outside in service, without a start time, or with no known length', () => {
    for (const state of ['queued', 'assigned', 'plan_confirmed', 'closing', 'closed'] as const) {
      expect(isOverrun(visit('v', 'facial', state, { times: { in_service: start } }), facial, start + 999 * MIN)).toBe(false);
    }
    expect(isOverrun(visit('v', 'facial', 'in_service', { times: {} }), facial, start + 999 * MIN)).toBe(false);
    expect(isOverrun(running(), undefined, start + 999 * MIN)).toBe(false);
  });
});

describe('expectedEnd', () => {
  it('in service: the planned end, or now once overrun; not started: planned from now; closing: now', () => {
    const now = start + 20 * MIN;
    expect(expectedEnd(visit('v', 'facial', 'in_service', { times: { in_service: start } }), facial, now)).toBe(start + 60 * MIN);
    expect(expectedEnd(visit('v', 'facial', 'in_service', { times: { in_service: start } }), facial, start + 80 * MIN)).toBe(start + 80 * MIN);
    expect(expectedEnd(visit('v', 'facial', 'assigned'), facial, now)).toBe(now + 60 * MIN);
    expect(expectedEnd(visit('v', 'facial', 'plan_confirmed', { plan: plan(45) }), facial, now)).toBe(now + 45 * MIN);
    expect(expectedEnd(visit('v', 'facial', 'closing'), facial, now)).toBe(now);
    expect(expectedEnd(visit('v', 'facial', 'queued'), facial, now)).toBeNull();
    expect(expectedEnd(visit('v', 'facial', 'assigned'), undefined, now)).toBeNull();
  });
});
