import type { SalonFormat, SecurityEvent, StaffView } from '@glow/shared';

/** One line of the manager's security list, ready to show. */
export type SecurityRow = {
  key: number;
  kind: SecurityEvent['kind'];
  /** "Tue 24 Nov 10:30" in the salon's time zone. */
  when: string;
  /** The staff member's name, or their id if no longer listed; empty when nobody is named. */
  who: string;
  /** The tablet or kiosk's name, or its id if it is not in the view; empty when no device is named. */
  device: string;
  address: string;
  /** The refused origin or host, or the command slowed down; empty for other kinds. */
  detail: string;
  count: number;
};

/**
 * Kinds whose detail is data a person can read in any language (the refused origin or host, the command slowed
 * down); the others' details are codes for the hub's log, not for the list.
 */
const READABLE_DETAIL: ReadonlySet<SecurityEvent['kind']> = new Set(['origin_refused', 'host_refused', 'rate_limited']);

/**
 * The hub's security events as the manager reads them: newest first (as the hub sends them), names instead of ids where
 * the board knows them, times written by `format`: the salon's (its time zone, which the tablet's own may differ from).
 */
export function securityRows(events: readonly SecurityEvent[], view: StaffView, format: SalonFormat): SecurityRow[] {
  return events.map((e) => ({
    key: e.seq,
    kind: e.kind,
    when: `${format.date(e.at)} ${format.time(e.at)}`,
    who: e.staffId ? (view.staff[e.staffId]?.name ?? e.staffId) : '',
    device: e.deviceId ? (view.devices[e.deviceId]?.name ?? e.deviceId) : '',
    address: e.address ?? '',
    detail: READABLE_DETAIL.has(e.kind) ? e.detail : '',
    count: e.count,
  }));
}
