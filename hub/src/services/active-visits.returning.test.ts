import { describe, expect, it } from 'vitest';
import { newVisit, type Visit } from '@glow/shared';
import { ActiveVisits } from './active-visits.ts';

const visit = (id: string, clientId: string, state: Visit['state']): Visit => ({
  ...newVisit({ id, ticket: 'A1', clientId, serviceId: 'facial-classic', language: 'en', at: 0 }),
  state,
});

describe('which clients have been served before', () => {
  it('knows a client with a closed visit, not one only checked in, cancelled or not yet closed', () => {
    const index = new ActiveVisits();
    index.rebuild({
      a: visit('a', 'lina', 'closed'),
      b: visit('b', 'mei', 'in_service'),
      c: visit('c', 'zoe', 'cancelled'),
    });
    expect(index.servedBefore('lina')).toBe(true);
    expect(index.servedBefore('mei')).toBe(false);
    expect(index.servedBefore('zoe')).toBe(false);
  });

  it('learns it when a visit closes', () => {
    const index = new ActiveVisits();
    index.rebuild({ b: visit('b', 'mei', 'in_service') });
    index.note({ b: visit('b', 'mei', 'closed') });
    expect(index.servedBefore('mei')).toBe(true);
  });
});
