import type { MessageKey, PendingCommand, StaffView, Translate } from '@glow/shared';

/** How the offline banner names each queued command; `{ticket}` / `{room}` come from the live view. */
const LABELS: Record<string, MessageKey> = {
  'visit:accept': 'staff.pending.accept',
  'visit:handBack': 'staff.pending.handBack',
  'plan:update': 'staff.pending.planUpdate',
  'plan:confirm': 'staff.pending.planConfirm',
  'visit:start': 'staff.pending.start',
  'visit:finish': 'staff.pending.finish',
  'visit:close': 'staff.pending.close',
  'session:note': 'staff.pending.note',
  'incident:raise': 'staff.pending.incident',
  'room:ready': 'staff.pending.roomReady',
  'visit:assign': 'staff.pending.assign',
  'visit:checkInByHand': 'staff.pending.checkIn',
  'visit:cancel': 'staff.pending.cancel',
  'visit:noShow': 'staff.pending.noShow',
  'queue:reorder': 'staff.pending.reorder',
  'floor:setAutoAssign': 'staff.pending.autoAssign',
  'room:setOutOfService': 'staff.pending.outOfService',
  'incident:acknowledge': 'staff.pending.incidentAck',
  'incident:resolve': 'staff.pending.incidentResolve',
  'device:revoke': 'staff.pending.revoke',
  'complaint:acknowledge': 'staff.pending.complaintAck',
  'complaint:resolve': 'staff.pending.complaintResolve',
  'aftercare:revokeLink': 'staff.pending.revokeLink',
  'aftercare:setSettings': 'staff.pending.aftercareSettings',
  'booking:reminderDone': 'staff.pending.reminderDone',
  'settings:serviceAftercare': 'staff.pending.salonSettings',
  'settings:booking': 'staff.pending.salonSettings',
  'settings:consent': 'staff.pending.salonSettings',
  'settings:contact': 'staff.pending.salonSettings',
  'settings:salon': 'staff.pending.salonSettings',
  'questionnaire:replace': 'staff.pending.salonSettings',
  'catalogue:category': 'staff.pending.catalogue',
  'catalogue:orderCategories': 'staff.pending.catalogue',
  'catalogue:skill': 'staff.pending.catalogue',
  'catalogue:equipment': 'staff.pending.catalogue',
  'catalogue:service': 'staff.pending.catalogue',
  'catalogue:product': 'staff.pending.catalogue',
  'staff:save': 'staff.pending.catalogue',
  'room:save': 'staff.pending.catalogue',
  'staff:dayChange': 'staff.pending.catalogue',
  'followUp:record': 'staff.pending.followUp',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** Tickets (by visit id) and room names (by room id) remembered for queued commands. */
export type Labels = Readonly<Record<string, string>>;

/** The ids a queued command names, and what the screen calls them now. */
export function labelsFor(command: PendingCommand, view: StaffView | null): Record<string, string> {
  const out: Record<string, string> = {};
  const visitId = str(command.input.visitId);
  const roomId = str(command.input.roomId);
  const ticket = visitId ? view?.visits[visitId]?.ticket : undefined;
  const room = roomId ? view?.rooms[roomId]?.name : undefined;
  if (visitId && ticket) out[visitId] = ticket;
  if (roomId && room) out[roomId] = room;
  return out;
}

/** One queued command in words, e.g. "close visit A012". */
export function describeCommand(command: PendingCommand, view: StaffView | null, t: Translate, labels: Labels = {}): string {
  const key = LABELS[command.name];
  if (!key) return command.name;
  const visitId = str(command.input.visitId);
  const roomId = str(command.input.roomId);
  const client = command.input.client as { firstName?: unknown } | undefined;
  const ticket = (visitId && (view?.visits[visitId]?.ticket ?? labels[visitId])) || '';
  const room = (roomId && (view?.rooms[roomId]?.name ?? labels[roomId])) || '';
  return t(key, { ticket, room, name: str(client?.firstName) ?? '' }).replace(/\s+/g, ' ').trim();
}

/** "2 changes waiting: close visit A012, note" (the count, then each command, oldest first). */
export function describePending(
  pending: readonly PendingCommand[],
  view: StaffView | null,
  t: Translate,
  labels: Labels = {},
): string {
  const list = pending.map((c) => describeCommand(c, view, t, labels)).join(t('staff.pending.separator'));
  return t('staff.pending.summary', { n: pending.length, list });
}
