import type { ClientRecord, StaffView } from '@glow/shared';

/**
 * What of the live view concerns an open client record (#16), as one string: it changes exactly when another tablet
 * (or the hub) changed something the record shows — the record corrected or merged, a booking of hers made, moved or
 * cancelled anywhere (her phone too), a follow-up call's outcome, a message sent or failed, a complaint (all of these
 * named by the hub's `recordChanges`), or one of her visits on the floor moving on or closing. The clients screen
 * reads the record again when it changes. Only ids, states and stamps are read (a visit card's wait moves with the
 * clock and must not), and only the few entries of the view that name this client.
 */
export function recordWatchKey(view: Pick<StaffView, 'recordChanges' | 'visits' | 'followUpTasks' | 'complaints' | 'bookings'>, record: ClientRecord): string {
  const group = new Set([record.client.id, ...record.mergedFrom.map((m) => m.id)]);
  const parts: string[] = [];
  for (const [id, change] of Object.entries(view.recordChanges ?? {})) {
    // A correction or merge, or one of her bookings, calls, messages or complaints (the hub's `version` moves with it).
    if (change.clientIds.some((c) => group.has(c))) parts.push(`r${id}:${change.version}`);
  }
  for (const visit of Object.values(view.visits ?? {})) {
    if (group.has(visit.clientId)) parts.push(`v${visit.id}:${visit.state}:${visit.notes.length}:${visit.rating?.csat ?? ''}`);
  }
  for (const task of Object.values(view.followUpTasks ?? {})) {
    if (group.has(task.clientId)) parts.push(`t${task.id}:${task.state}:${task.attempts.length}:${task.dueDate}`);
  }
  for (const complaint of Object.values(view.complaints ?? {})) {
    if (group.has(complaint.clientId)) parts.push(`c${complaint.id}:${complaint.status}`);
  }
  const bookings = new Set(record.bookings.map((b) => b.id));
  for (const booking of Object.values(view.bookings ?? {})) {
    if (bookings.has(booking.id)) parts.push(`b${booking.id}:${booking.state}:${booking.startsAt}`);
  }
  return parts.sort().join('|');
}
