import { transition, type Done, type Incident, type IncidentKind } from '@glow/shared';
import type { Changes, HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';
import { isDesk, loadVisit, type Actor } from './visit-access.ts';


/** The incidents map with one incident replaced: incidents live in meta, which changes field by field. */
const withIncident = (state: Readonly<HubState>, incident: Incident): Changes => ({
  meta: { incidents: { ...state.meta.incidents, [incident.id]: incident } },
});

/**
 * The incident button (an allergic reaction, a burn, an equipment failure): the manager's and the front desk's
 * tablets alert at once. A visit it concerns gets the incident flag through the state machine (any active state).
 */
export function decideRaiseIncident(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  input: { kind: IncidentKind; visitId: string | null; roomId: string | null; note: string },
  newId: () => string,
): Decision<{ incidentId: string }> | Refusal {
  const changes: Changes = {};
  let roomId = input.roomId;
  if (input.visitId !== null) {
    const visit = loadVisit(state, actor, input.visitId);
    if ('code' in visit) return visit;
    const next = transition(visit.state, 'raiseIncident');
    if (!next.ok) return refuse('conflict', 'illegal_transition', { from: `state.${visit.state}`, command: 'command.raiseIncident' });
    changes.visits = { [visit.id]: { ...visit, state: next.state, incident: true } };
    roomId ??= visit.roomId;
  }
  if (roomId !== null) {
    const room = state.rooms[roomId];
    if (!room) return refuse('not_found', 'unknown_room');
    const holder = room.visitId ? state.visits[room.visitId] : undefined;
    if (!isDesk(actor) && holder && holder.staffId !== actor.staffId) return refuse('forbidden', 'not_your_room');
  }
  const incident: Incident = {
    id: newId(),
    kind: input.kind,
    visitId: input.visitId,
    roomId,
    raisedBy: actor.staffId,
    raisedAt: now,
    note: input.note,
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedAt: null,
    resolution: '',
  };
  return { changes: { ...changes, ...withIncident(state, incident) }, result: { incidentId: incident.id } };
}

/** The manager (or the front desk) has seen the alert and is on their way: the response time is what is measured. */
export function decideAcknowledgeIncident(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  incidentId: string,
): Decision<Done> | Refusal {
  const incident = state.meta.incidents[incidentId];
  if (!incident) return refuse('not_found', 'unknown_incident');
  if (incident.resolvedAt !== null) return refuse('conflict', 'incident_resolved');
  if (incident.acknowledgedAt !== null) return refuse('conflict', 'incident_acknowledged');
  return { changes: withIncident(state, { ...incident, acknowledgedBy: actor.staffId, acknowledgedAt: now }), result: {} };
}

/** The incident is dealt with: it leaves the board, with what was done. Resolving acknowledges it too if nobody had. */
export function decideResolveIncident(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  incidentId: string,
  resolution: string,
): Decision<Done> | Refusal {
  const incident = state.meta.incidents[incidentId];
  if (!incident) return refuse('not_found', 'unknown_incident');
  if (incident.resolvedAt !== null) return refuse('conflict', 'incident_resolved');
  const resolved: Incident = {
    ...incident,
    acknowledgedBy: incident.acknowledgedBy ?? actor.staffId,
    acknowledgedAt: incident.acknowledgedAt ?? now,
    resolvedAt: now,
    resolution,
  };
  return { changes: withIncident(state, resolved), result: {} };
}
