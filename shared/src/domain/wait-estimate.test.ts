import { describe, expect, it } from 'vitest';
import { estimateWaits } from './wait-estimate.ts';
import { beautician, service, visit } from './test-floor.ts';

const MIN = 60_000;
const services = { facial: service('facial', 'facial', 60), nails: service('nails', 'nails', 30) };

describe('estimateWaits', () => {
  it('is zero with a free qualified beautician and grows with the queue ahead', () => {
    const { byVisit } = estimateWaits(
      {
        visits: [
          visit('first', 'facial', 'queued', { times: { queued: 1 } }),
          visit('second', 'facial', 'queued', { times: { queued: 2 } }),
        ],
        rooms: [],
        staff: [beautician('mei', ['facial'])],
        services,
      },
      0,
    );
    expect(byVisit.get('first')).toBe(0);
    expect(byVisit.get('second')).toBe(60);
  });

  it('counts the time left of a session in progress, and an overrun as ending now', () => {
    const now = 100 * MIN;
    const floor = (startedAt: number) => ({
      visits: [
        visit('running', 'facial', 'in_service', { staffId: 'mei', times: { in_service: startedAt } }),
        visit('next', 'facial', 'queued'),
      ],
      rooms: [],
      staff: [beautician('mei', ['facial'])],
      services,
    });
    expect(estimateWaits(floor(now - 20 * MIN), now).byVisit.get('next')).toBe(40);
    expect(estimateWaits(floor(now - 90 * MIN), now).byVisit.get('next')).toBe(0);
  });

  it('spreads the queue over the beauticians qualified for it', () => {
    const { byVisit, forExtra } = estimateWaits(
      {
        visits: [visit('a', 'nails', 'queued', { times: { queued: 1 } }), visit('b', 'nails', 'queued', { times: { queued: 2 } })],
        rooms: [],
        staff: [beautician('anna', ['nails']), beautician('sofia', ['nails']), beautician('mei', ['facial'])],
        services,
      },
      0,
      services.nails,
    );
    expect(byVisit.get('a')).toBe(0);
    expect(byVisit.get('b')).toBe(0);
    expect(forExtra).toBe(30);
  });

  it('is null for a service nobody on the floor can perform', () => {
    const { byVisit, forExtra } = estimateWaits(
      { visits: [visit('a', 'nails', 'queued')], rooms: [], staff: [beautician('mei', ['facial'])], services },
      0,
      services.nails,
    );
    expect(byVisit.get('a')).toBeNull();
    expect(forExtra).toBeNull();
  });
});
