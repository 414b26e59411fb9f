import type { Id, Timestamp } from '../schemas/common.schema.ts';
import type { FloorSettings } from '../schemas/floor.schema.ts';
import type { Service } from '../schemas/service.schema.ts';
import type { Floor } from './floor.ts';
import { QueueReplay } from './queue-replay.ts';

export type WaitEstimates = { byVisit: Map<Id, number | null>; forExtra: number | null };

/**
 * Minutes until each queued visit is expected to be taken in, and until a walk-in for `extra` joining the back of
 * the queue now would be (null when `extra` is not given).
 *
 * It replays the planner's own rule (same order, same qualification, same preferences and wait limit, same
 * tie-breaks) at every moment something changes: a beautician finishes (a session ends at its plan's duration, else
 * the service's; an overrun counts as ending now; assigned and confirmed visits end their planned length from now;
 * closing ones now), a room finishes cleaning (its `cleaningUntil`, or a session's end plus the room's buffer), a
 * shift starts or a break ends, a booking comes due, a preferred-beautician wait runs out. Only today's shifts are
 * used: a visit that no one on shift today can take before their shift ends gets null, as does one whose service is
 * unknown or whose equipment no room has. Every queued visit gets an entry. The replay runs whether or not
 * auto-assign is paused (the front desk then places clients by hand, roughly as the planner would).
 */
export function estimateWaits(floor: Floor, now: Timestamp, settings: FloorSettings, extra?: Service): WaitEstimates {
  const { byVisit, forServices } = simulate(floor, now, settings, extra ? [extra] : []);
  return { byVisit, forExtra: extra ? (forServices[0] ?? null) : null };
}

/**
 * The wait of a new walk-in for each of `services`, as `estimateWaits(floor, now, settings, service).forExtra` gives
 * it, from one replay for all of them (a walk-in at the back of the queue changes nothing for those ahead until it
 * is taken in, so each one's wait is the first moment of the shared replay when it could be). Keyed by service id.
 */
export function estimateServiceWaits(
  floor: Floor,
  now: Timestamp,
  settings: FloorSettings,
  services: readonly Service[],
): Map<Id, number | null> {
  const { forServices } = simulate(floor, now, settings, services);
  return new Map(services.map((s, i) => [s.id, forServices[i] ?? null]));
}

/** Both at once, from one replay: every queued visit's wait, and a new walk-in's wait for each of `services`. */
export function estimateAll(
  floor: Floor,
  now: Timestamp,
  settings: FloorSettings,
  services: readonly Service[],
): { byVisit: Map<Id, number | null>; byService: Map<Id, number | null> } {
  const { byVisit, forServices } = simulate(floor, now, settings, services);
  return { byVisit, byService: new Map(services.map((s, i) => [s.id, forServices[i] ?? null])) };
}

function simulate(
  floor: Floor,
  now: Timestamp,
  settings: FloorSettings,
  extras: readonly Service[],
): { byVisit: Map<Id, number | null>; forServices: (number | null)[] } {
  return QueueReplay.run(floor, now, settings, extras).result();
}
