import {
  CheckInInputSchema,
  CheckInResultSchema,
  estimateWaits,
  newVisit,
  nextTicket,
  transition,
  type Answers,
  type Client,
  type Visit,
} from '@glow/shared';
import type { z } from 'zod';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import { floorOf } from './floor-of.ts';
import type { Decision } from './hub-engine.ts';

type CheckIn = Omit<z.output<typeof CheckInInputSchema>, 'answers'> & {
  answers?: Answers;
  /** At the front desk: a beautician the client asked for, and whether they would rather wait for them. */
  preferredStaffId?: string | null;
  waitForPreferred?: boolean;
};
type CheckInResult = z.output<typeof CheckInResultSchema>;

export type CheckInContext = {
  /** The salon's local date, YYYY-MM-DD: tickets restart every day. */
  today: string;
  newId: () => string;
  /** An existing client with this phone number, if any. */
  existingClientId: string | undefined;
  /** The visits on the floor now (the active-visit index), for the wait estimate. */
  activeVisits: readonly Visit[];
  /**
   * The wait a new walk-in for a service has, as last published. A walk-in joins the back of the queue, so this is
   * its estimate: reading it saves replaying the whole queue once more for every check-in. (A client who asked for
   * a particular beautician is still estimated by a replay.)
   */
  walkInWait?: (serviceId: string) => number | null | undefined;
};

/**
 * A walk-in checks in at the kiosk (or the front desk checks them in by hand): the client record is found by phone
 * or created, and the visit goes through `checked_in` into the queue (two transitions of the state machine, one
 * journal entry). Its place in the queue is the moment it joined.
 */
export function decideCheckIn(
  state: Readonly<HubState>,
  now: number,
  input: CheckIn,
  ctx: CheckInContext,
): Decision<CheckInResult> | Refusal {
  if (!state.services[input.serviceId]) return refuse('invalid_input', 'unknown_service');
  const preferredStaffId = input.preferredStaffId ?? null;
  if (preferredStaffId !== null && !state.staff[preferredStaffId]?.active) return refuse('not_found', 'unknown_staff');

  const clientId = ctx.existingClientId ?? ctx.newId();
  const clients: Record<string, Client> = {};
  if (!ctx.existingClientId) {
    clients[clientId] = {
      id: clientId,
      firstName: input.client.firstName,
      lastName: input.client.lastName,
      phone: input.client.phone,
      language: input.language,
      createdAt: now,
    };
  }

  const { ticket, counter } = nextTicket(state.meta.ticket, ctx.today);
  const queued = transition('checked_in', 'queue');
  if (!queued.ok) return refuse('conflict', 'illegal_transition');
  const visit: Visit = {
    ...newVisit({ id: ctx.newId(), ticket, clientId, serviceId: input.serviceId, language: input.language, at: now }),
    state: queued.state,
    times: { checked_in: now, queued: now },
    answers: input.answers ?? {},
    preferredStaffId,
    waitForPreferred: preferredStaffId !== null && (input.waitForPreferred ?? false),
  };

  const published = preferredStaffId === null ? ctx.walkInWait?.(visit.serviceId) : undefined;
  const estimateMin =
    published !== undefined
      ? published
      : (estimateWaits(floorOf(state, [...ctx.activeVisits, visit]), now, state.meta.floor).byVisit.get(visit.id) ?? null);
  return {
    changes: { clients, visits: { [visit.id]: visit }, meta: { ticket: counter } },
    // The name the person typed, never the stored one: a kiosk must not reveal who owns a phone number.
    result: { visitId: visit.id, ticket, firstName: input.client.firstName, estimateMin },
  };
}
