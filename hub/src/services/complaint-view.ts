import type { Complaint, ComplaintCard, StaffView } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { boardName } from './board-name.ts';

/** A complaint as the front desk and the manager see it (the photo stays on the hub; its bytes are fetched apart). */
export function complaintCard(state: Readonly<HubState>, complaint: Complaint): ComplaintCard {
  const client = state.clients[complaint.clientId];
  const visit = state.visits[complaint.visitId];
  const { photo, ...rest } = complaint;
  return {
    ...rest,
    clientName: boardName(client),
    // The salon calls or messages back only if the client asked for it.
    clientPhone: complaint.contact === 'none' ? null : (client?.phone ?? null),
    serviceId: visit?.serviceId ?? '',
    ticket: visit?.ticket ?? '',
    hasPhoto: photo !== null,
  };
}

/**
 * Every complaint, open and resolved: the board lists the open ones, and a resolved one stays in the history list
 * (with its photo) instead of disappearing. Complaints are few (a week's window after a visit, a few per visit).
 */
export function complaintCards(state: Readonly<HubState>): StaffView['complaints'] {
  const out: StaffView['complaints'] = {};
  for (const c of Object.values(state.complaints ?? {})) out[c.id] = complaintCard(state, c);
  return out;
}

/** The part of a staff patch for changed complaints: changed ones set (resolved too), removed ones deleted. */
export function complaintPatch(
  state: Readonly<HubState>,
  changed: Record<string, Complaint | null> | undefined,
): { set?: StaffView['complaints']; del?: string[] } {
  if (!changed) return {};
  const set: StaffView['complaints'] = {};
  const del: string[] = [];
  for (const [id, c] of Object.entries(changed)) {
    if (c) set[id] = complaintCard(state, c);
    else del.push(id);
  }
  return { ...(Object.keys(set).length ? { set } : {}), ...(del.length ? { del } : {}) };
}
