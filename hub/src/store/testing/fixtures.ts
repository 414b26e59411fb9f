import { DEFAULT_AFTERCARE_SETTINGS, DEFAULT_BOOKING_SETTINGS, newVisit, type Client, type Visit, type VisitState } from '@glow/shared';
import { applyChanges } from '../apply-changes.ts';
import { emptyState, type Changes, type HubState, type JournalEntry, type Meta } from '../hub-state.ts';

/** Test data for the store: valid records (they pass the HubState schema) and a tiny "hub" that makes entries. */

export const T0 = Date.UTC(2025, 2, 14, 9, 0, 0); // 14 March 2025, 09:00 UTC

export function sampleMeta(): Meta {
  return {
    salon: { name: 'Glow Test Salon', defaultLanguage: 'en', languages: ['en', 'zh-CN'], locale: 'en-GB', currency: 'CNY', closedDates: [], setUp: true },
    ticket: { day: '2025-03-14', last: 0 },
    sessionKey: 'test-session-key-0123456789abcdef0123456789',
    floor: { autoAssign: true, preferredWaitLimitMin: 20, timeZone: 'UTC' },
    incidents: {},
    booking: DEFAULT_BOOKING_SETTINGS,
    aftercare: DEFAULT_AFTERCARE_SETTINGS,
  };
}

export function makeClient(id: string, at = T0): Client {
  return { id, firstName: `Client ${id}`, lastName: 'Test', phone: '+441234567890', language: 'en', createdAt: at, referredBy: null };
}

export function makeVisit(id: string, clientId: string, state: VisitState, checkedInAt = T0): Visit {
  const times: Visit['times'] = { checked_in: checkedInAt };
  if (state !== 'checked_in') times[state] = checkedInAt + 60_000;
  return {
    ...newVisit({ id, ticket: 'A001', clientId, serviceId: 'svc-facial', language: 'en', at: checkedInAt }),
    state,
    times,
  };
}

/**
 * Plays the hub's part: applies each change to its own state (the expected state after a reopen) and numbers the
 * journal entries. The first entry carries the whole meta, as the real hub's seed entry does.
 */
export class HubModel {
  state: HubState = emptyState(sampleMeta());
  revision = 0;
  at = T0;

  entry(changes: Changes, options: { command?: string; commandId?: string | null; at?: number } = {}): JournalEntry {
    this.at = options.at ?? this.at + 1000;
    applyChanges(this.state, structuredClone(changes));
    this.revision += 1;
    return {
      seq: this.revision,
      at: this.at,
      commandId: options.commandId ?? null,
      command: options.command ?? 'test',
      changes,
    };
  }

  seed(): JournalEntry {
    return this.entry({ meta: sampleMeta() }, { command: 'salon:seed' });
  }

  addClient(id: string): JournalEntry {
    return this.entry({ clients: { [id]: makeClient(id, this.at) } }, { command: 'client:create' });
  }

  checkIn(visitId: string, clientId: string): JournalEntry {
    return this.entry(
      {
        clients: { [clientId]: makeClient(clientId, this.at) },
        visits: { [visitId]: makeVisit(visitId, clientId, 'checked_in', this.at) },
      },
      { command: 'kiosk:checkIn', commandId: `cmd-${visitId}-checkin` },
    );
  }

  closeVisit(visitId: string): JournalEntry {
    const visit = this.state.visits[visitId];
    if (!visit) throw new Error(`no visit ${visitId}`);
    const closed: Visit = { ...visit, state: 'closed', times: { ...visit.times, closed: this.at + 1000 } };
    return this.entry({ visits: { [visitId]: closed } }, { command: 'visit:close', commandId: `cmd-${visitId}-close` });
  }

  /** Also records the command's first answer, as the hub does. */
  withCommand(changes: Changes, commandId: string): JournalEntry {
    const record = { at: this.at + 1000, sender: 'device:test', result: { ok: true } };
    return this.entry({ ...changes, commands: { [commandId]: record } }, { commandId });
  }
}
