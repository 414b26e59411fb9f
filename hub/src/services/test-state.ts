import { newVisit, type Visit } from '@glow/shared';
import { demoSalon } from '../seed/salon-seed.ts';
import type { HubState } from '../store/hub-state.ts';

/** The demo salon as a state for service tests (PIN hashing makes it slow-ish, so build it once per file). */
export const demoState = (): Promise<HubState> => demoSalon('en', 'UTC');

let n = 0;
export const sequentialIds = () => () => `id${++n}`;

/** A visit with every field filled in, for service tests: override what the test is about. */
export function testVisit(overrides: Partial<Visit> & { id: string }): Visit {
  return {
    ...newVisit({ id: overrides.id, ticket: 'A001', clientId: 'c1', serviceId: 'facial-classic', language: 'en', at: 0 }),
    state: 'queued',
    times: {},
    queueRank: 0,
    ...overrides,
  };
}
