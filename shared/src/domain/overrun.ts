import type { Timestamp } from '../schemas/common.schema.ts';
import type { Service } from '../schemas/service.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';
import { MINUTE } from './shifts.ts';

/**
 * How long the session is planned to take, in minutes: the plan's duration once the beautician has made one,
 * else the service's. Null when neither is known (a service that no longer exists and no plan).
 */
export function plannedMinutes(
  visit: Pick<Visit, 'plan'>,
  service: Pick<Service, 'durationMin'> | undefined,
): number | null {
  return visit.plan?.durationMin ?? service?.durationMin ?? null;
}

/** True while a session in service runs past its planned duration (strictly past: at the planned end it is not). */
export function isOverrun(
  visit: Pick<Visit, 'state' | 'times' | 'plan'>,
  service: Pick<Service, 'durationMin'> | undefined,
  now: Timestamp,
): boolean {
  if (visit.state !== 'in_service') return false;
  const started = visit.times.in_service;
  const planned = plannedMinutes(visit, service);
  if (started === undefined || planned === null) return false;
  return now > started + planned * MINUTE;
}

/**
 * When a visit that holds a beautician is expected to let them go, never before `now`: a session in service ends
 * at its planned end (an overrun counts as ending now); an assigned or confirmed one has not started, so it ends the
 * planned duration from now; a closing one is over. Null for a visit that holds nobody or whose length is unknown.
 */
export function expectedEnd(
  visit: Pick<Visit, 'state' | 'times' | 'plan'>,
  service: Pick<Service, 'durationMin'> | undefined,
  now: Timestamp,
): Timestamp | null {
  switch (visit.state) {
    case 'closing':
      return now;
    case 'assigned':
    case 'plan_confirmed':
    case 'in_service': {
      const planned = plannedMinutes(visit, service);
      if (planned === null) return null;
      const started = visit.state === 'in_service' ? visit.times.in_service : undefined;
      return Math.max(now, (started ?? now) + planned * MINUTE);
    }
    default:
      return null;
  }
}
