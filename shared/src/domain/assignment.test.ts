import { describe, expect, it } from 'vitest';
import { planAssignments } from './assignment.ts';
import { beautician, room, service, visit } from './test-floor.ts';

const services = {
  facial: service('facial', 'facial', 60, ['bed']),
  nails: service('nails', 'nails', 45, ['nail_station']),
};

describe('planAssignments', () => {
  it('pairs the first queued visit with a free qualified beautician and a room with the equipment', () => {
    const plan = planAssignments({
      visits: [visit('v1', 'facial', 'queued')],
      rooms: [room('nail-bar', ['nail_station']), room('r1', ['bed'])],
      staff: [beautician('nails-only', ['nails']), beautician('mei', ['facial'])],
      services,
    });
    expect(plan).toEqual([{ visitId: 'v1', roomId: 'r1', staffId: 'mei' }]);
  });

  it('serves walk-ins in arrival order and never gives one beautician or room twice', () => {
    const plan = planAssignments({
      visits: [
        visit('late', 'facial', 'queued', { times: { queued: 200 } }),
        visit('early', 'facial', 'queued', { times: { queued: 100 } }),
      ],
      rooms: [room('r1', ['bed']), room('r2', ['bed'])],
      staff: [beautician('mei', ['facial'])],
      services,
    });
    expect(plan).toEqual([{ visitId: 'early', roomId: 'r1', staffId: 'mei' }]);
  });

  it('does not hold back a visit someone can serve behind one nobody can serve now', () => {
    const plan = planAssignments({
      visits: [
        visit('v-facial', 'facial', 'queued', { times: { queued: 1 } }),
        visit('v-nails', 'nails', 'queued', { times: { queued: 2 } }),
      ],
      rooms: [room('r1', ['bed'], 'occupied'), room('nail-bar', ['nail_station'])],
      staff: [beautician('anna', ['facial', 'nails'])],
      services,
    });
    expect(plan).toEqual([{ visitId: 'v-nails', roomId: 'nail-bar', staffId: 'anna' }]);
  });

  it('leaves out busy beauticians, inactive staff, non-beauticians and rooms that are not free', () => {
    const plan = planAssignments({
      visits: [
        visit('busy', 'facial', 'in_service', { staffId: 'mei', roomId: 'r1' }),
        visit('waiting', 'facial', 'queued'),
      ],
      rooms: [room('r1', ['bed'], 'occupied'), room('r2', ['bed'], 'cleaning'), room('r3', ['bed'], 'out_of_service')],
      staff: [
        beautician('mei', ['facial']),
        beautician('gone', ['facial'], { active: false }),
        beautician('desk', ['facial'], { role: 'front_desk' }),
      ],
      services,
    });
    expect(plan).toEqual([]);
  });

  it('ignores visits that are not queued and services that do not exist', () => {
    const plan = planAssignments({
      visits: [visit('a', 'facial', 'checked_in'), visit('b', 'ghost', 'queued')],
      rooms: [room('r1', ['bed'])],
      staff: [beautician('mei', ['facial'])],
      services,
    });
    expect(plan).toEqual([]);
  });
});
