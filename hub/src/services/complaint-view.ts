import type { Complaint, ComplaintCard } from '@glow/shared';
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
    // A complaint about a visit left on disk carries what the visit was (follow-up-record.decision.ts).
    serviceId: visit?.serviceId ?? complaint.visitAbout?.serviceId ?? '',
    ticket: visit?.ticket ?? complaint.visitAbout?.ticket ?? '',
    hasPhoto: photo !== null,
  };
}
