import { describe, expect, it } from 'vitest';
import { signVisitorToken } from '../security/visitor-token.ts';
import { ActiveVisits } from './active-visits.ts';
import { checkInContextOf } from './check-in-context.ts';
import { ClientIndex } from './client-index.ts';
import { DerivedFigures } from './derived-figures.ts';
import { demoState, testVisit } from './test-state.ts';

const NOW = Date.UTC(2026, 10, 23, 10, 0);

describe('checkInContextOf: what a check-in reads besides the state, one for both channels', () => {
  it("names the number's owner, the floor, a genuine visitor token and the salon's day", async () => {
    const state = await demoState();
    state.clients.c1 = { id: 'c1', firstName: 'Mei', lastName: 'Wong', phone: '+8613800138000', language: 'en', createdAt: 0, referredBy: null };
    state.visits.v1 = testVisit({ id: 'v1', clientId: 'c1' });
    const clients = new ClientIndex();
    clients.rebuild(state.clients);
    const active = new ActiveVisits();
    active.rebuild(state.visits);
    const figures = new DerivedFigures(() => state, () => active.list(state), active);
    const contextOf = checkInContextOf({ today: () => '2026-11-23', newId: () => 'id1', clients, active, figures });

    const known = contextOf(state, NOW, '+8613800138000');
    expect(known).toMatchObject({ today: '2026-11-23', existingClientId: 'c1' });
    expect(known.activeVisits.map((v) => v.id)).toEqual(['v1']);
    expect(contextOf(state, NOW, '+8613900139000').existingClientId).toBeUndefined();
    // The token is checked under the hub's key, which stays in services.
    const token = signVisitorToken(state.meta.sessionKey, 'c1', NOW + 60_000);
    expect(known.verifyVisitor?.(token, NOW)).toBe('c1');
    expect(known.verifyVisitor?.(signVisitorToken('x'.repeat(32), 'c1', NOW + 60_000), NOW)).toBeNull();
    expect(known.verifyVisitor?.(token, NOW + 120_000)).toBeNull();
  });
});
