import { isIncidentProblem, type Complaint, type ComplaintPhoto, type Done, type ProblemReportInput } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { findAftercareLink } from './aftercare.service.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';
import type { Actor } from './visit-access.ts';

/** More reports than this from one visit's link are refused: the salon calls back; a form is not a chat. */
export const MAX_REPORTS_PER_VISIT = 5;

/**
 * The client reports a problem from the aftercare page: it becomes a complaint (or an incident, for a reaction or an
 * injury) that the front desk and the manager see at once, with its response timer running from `createdAt`. The
 * token is checked again here, on the state the command runs on, and so is the salon's report window.
 */
export function decideReportProblem(
  state: Readonly<HubState>,
  now: number,
  token: string,
  input: ProblemReportInput,
  ctx: { complaintId: string; photo: ComplaintPhoto | null; reportOpen: (closedAt: number) => boolean },
): Decision<{ complaintId: string }> | Refusal {
  const found = findAftercareLink(state, token, now);
  if (!found) return refuse('not_found', 'unknown_link');
  const closedAt = found.visit.times.closed ?? found.link.createdAt;
  if (!ctx.reportOpen(closedAt)) return refuse('conflict', 'report_window_closed');
  const earlier = Object.values(state.complaints).filter((c) => c.visitId === found.visit.id).length;
  if (earlier >= MAX_REPORTS_PER_VISIT) return refuse('conflict', 'too_many_reports');
  const complaint = newComplaint(now, { id: ctx.complaintId, visitId: found.visit.id, clientId: found.client.id, ...input, photo: ctx.photo, language: found.visit.language });
  return { changes: { complaints: { [complaint.id]: complaint } }, result: { complaintId: complaint.id } };
}

/**
 * A complaint as it is received, whoever brings it: the client's own report from the aftercare page, or a follow-up
 * call that found a problem (services/follow-ups/follow-up-record.decision.ts). A reaction or an injury is an incident;
 * the response timer runs from `now`.
 */
export function newComplaint(
  now: number,
  c: Pick<Complaint, 'id' | 'visitId' | 'clientId' | 'kind' | 'since' | 'description' | 'contact' | 'photo' | 'language'>,
): Complaint {
  return {
    ...c,
    severity: isIncidentProblem(c.kind) ? 'incident' : 'complaint',
    createdAt: now,
    status: 'received',
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedBy: null,
    resolvedAt: null,
    resolution: '',
  };
}


/** Someone at the desk has taken it on: the page then says "being handled", and the response time is known. */
export function decideAcknowledgeComplaint(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  complaintId: string,
): Decision<Done> | Refusal {
  const complaint = state.complaints[complaintId];
  if (!complaint) return refuse('not_found', 'unknown_complaint');
  if (complaint.status === 'resolved') return refuse('conflict', 'complaint_resolved');
  if (complaint.status === 'handling') return refuse('conflict', 'complaint_acknowledged');
  const next: Complaint = { ...complaint, status: 'handling', acknowledgedBy: actor.staffId, acknowledgedAt: now };
  return { changes: { complaints: { [next.id]: next } }, result: {} };
}

/** Dealt with (a free redo, a refund, an explanation): it leaves the board, with what was done. */
export function decideResolveComplaint(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  complaintId: string,
  resolution: string,
): Decision<Done> | Refusal {
  const complaint = state.complaints[complaintId];
  if (!complaint) return refuse('not_found', 'unknown_complaint');
  if (complaint.status === 'resolved') return refuse('conflict', 'complaint_resolved');
  const next: Complaint = {
    ...complaint,
    status: 'resolved',
    acknowledgedBy: complaint.acknowledgedBy ?? actor.staffId,
    acknowledgedAt: complaint.acknowledgedAt ?? now,
    resolvedBy: actor.staffId,
    resolvedAt: now,
    resolution,
  };
  return { changes: { complaints: { [next.id]: next } }, result: {} };
}
