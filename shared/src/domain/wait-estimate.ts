import type { Id, Timestamp } from '../schemas/common.schema.ts';
import type { Service } from '../schemas/service.schema.ts';
import { canPerform, isBeautician, queueOrder, type Floor } from './floor.ts';
import { holdsRoom } from './visit-machine.ts';

const MINUTE = 60_000;

/**
 * Minutes until each queued visit is expected to be taken in, by simulating the queue over the beauticians: each one
 * is free when their current session is due to end (elapsed against planned; an overrun counts as ending now), then
 * takes the next visit they are qualified for. Returns minutes per visit id, and `null` for a visit nobody on the
 * floor can perform.
 */
export function estimateWaits(floor: Floor, now: Timestamp, extra?: Service): {
  byVisit: Map<Id, number | null>;
  forExtra: number | null;
} {
  const freeAt = new Map<Id, number>();
  for (const s of floor.staff) if (isBeautician(s)) freeAt.set(s.id, now);

  for (const v of floor.visits) {
    if (!holdsRoom(v.state) || !v.staffId || !freeAt.has(v.staffId)) continue;
    const duration = (floor.services[v.serviceId]?.durationMin ?? 0) * MINUTE;
    const started = v.times.in_service;
    const end = started !== undefined ? started + duration : now + duration;
    freeAt.set(v.staffId, Math.max(now, end));
  }

  const take = (service: Service | undefined): number | null => {
    if (!service) return null;
    let best: Id | null = null;
    for (const s of floor.staff) {
      if (!canPerform(s, service)) continue;
      if (best === null || (freeAt.get(s.id) ?? now) < (freeAt.get(best) ?? now)) best = s.id;
    }
    if (best === null) return null;
    const start = freeAt.get(best) ?? now;
    freeAt.set(best, start + service.durationMin * MINUTE);
    return Math.ceil((start - now) / MINUTE);
  };

  const byVisit = new Map<Id, number | null>();
  for (const v of queueOrder(floor.visits)) byVisit.set(v.id, take(floor.services[v.serviceId]));
  return { byVisit, forExtra: extra ? take(extra) : null };
}
