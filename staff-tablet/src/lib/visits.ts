import {
  holdsRoom,
  type LocalizedText,
  WAITING_STATES,
  type Language,
  type Room,
  type Service,
  type StaffMember,
  type StaffRole,
  type StaffView,
  type VisitCard,
  type VisitState,
} from '@glow/shared';

/** Which of a beautician's visits the screen is about: the one furthest along wins (a rating beats a new alert). */
const FOCUS_ORDER: readonly VisitState[] = ['closing', 'in_service', 'plan_confirmed', 'assigned'];

export function focusVisit(visits: Record<string, VisitCard>, staffId: string): VisitCard | null {
  const mine = Object.values(visits).filter((v) => v.staffId === staffId && holdsRoom(v.state));
  mine.sort(
    (a, b) =>
      FOCUS_ORDER.indexOf(a.state) - FOCUS_ORDER.indexOf(b.state) ||
      (a.times[a.state] ?? 0) - (b.times[b.state] ?? 0) ||
      a.id.localeCompare(b.id),
  );
  return mine[0] ?? null;
}

/** Which screen a beautician's focused visit needs. */
export type RoomMode = 'alert' | 'plan' | 'session' | 'rating';

export function roomMode(visit: VisitCard): RoomMode {
  if (visit.state === 'in_service') return 'session';
  if (visit.state === 'closing') return 'rating';
  if (visit.state === 'assigned' && visit.acceptedAt === null) return 'alert';
  return 'plan';
}

/** Text the salon wrote in both languages, in the tablet's (English when a translation is missing). */
export const localized = (text: LocalizedText, language: Language): string => text[language] || text.en;

/** Clients still waiting to be taken in, in the order they arrived. */
export function waitingVisits(visits: Record<string, VisitCard>): VisitCard[] {
  const arrived = (v: VisitCard) => v.times.checked_in ?? v.times.queued ?? 0;
  return Object.values(visits)
    .filter((v) => WAITING_STATES.includes(v.state))
    .sort((a, b) => arrived(a) - arrived(b) || a.ticket.localeCompare(b.ticket, undefined, { numeric: true }));
}

const byName = (a: { name: string }, b: { name: string }) =>
  a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' });

export const sortedRooms = (rooms: Record<string, Room>): Room[] => Object.values(rooms).sort(byName);

const ROLE_ORDER: readonly StaffRole[] = ['beautician', 'front_desk', 'manager'];

/** The sign-in tiles: active staff, beauticians first, then by name. */
export const signInList = (staff: Record<string, StaffMember>): StaffMember[] =>
  Object.values(staff)
    .filter((s) => s.active)
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || byName(a, b));

export function serviceName(view: StaffView, serviceId: string, language: Language): string {
  const service: Service | undefined = view.services[serviceId];
  return service ? service.name[language] || service.name.en : serviceId;
}

export const plannedMinutes = (view: StaffView, serviceId: string): number | null =>
  view.services[serviceId]?.durationMin ?? null;

/** Whole minutes and seconds as "m:ss" (or "h:mm:ss" past an hour). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** A countdown as "m:ss", never below zero. */
export const formatCountdown = (ms: number): string => formatElapsed(Math.ceil(Math.max(0, ms) / 1000) * 1000);

