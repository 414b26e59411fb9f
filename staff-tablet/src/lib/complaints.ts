import type { ComplaintCard, MessageKey, StaffView } from '@glow/shared';

/** Open reports: the unacknowledged first (oldest first), then those being handled. */
export function openComplaints(view: StaffView): ComplaintCard[] {
  return Object.values(view.complaints ?? {})
    .filter((c) => c.status !== 'resolved')
    .sort((a, b) => Number(a.status === 'handling') - Number(b.status === 'handling') || a.createdAt - b.createdAt);
}

/** Resolved reports, the latest resolved first: the history under the open ones. */
export function resolvedComplaints(view: StaffView): ComplaintCard[] {
  return Object.values(view.complaints ?? {})
    .filter((c) => c.status === 'resolved')
    .sort((a, b) => (b.resolvedAt ?? b.createdAt) - (a.resolvedAt ?? a.createdAt));
}

export const complaintKindKey = (c: ComplaintCard): MessageKey => `staff.complaints.kind.${c.kind}`;
export const complaintSinceKey = (c: ComplaintCard): MessageKey => `staff.complaints.since.${c.since}`;
export const complaintContactKey = (c: ComplaintCard): MessageKey => `staff.complaints.contact.${c.contact}`;
