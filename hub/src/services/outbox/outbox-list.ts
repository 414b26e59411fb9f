import { formatPersonName, type MessageState, type OutboxEntry, type OutboxListResult } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { outboxSettingsOf, outboxSettingsView } from './outbox-settings.ts';

/**
 * The manager's list (#16; the command's role is manager only, so no one else ever gets it): the settings without the
 * password, the newest messages first (in one state, or all), and how many there are in each state.
 */
export function outboxList(state: Readonly<HubState>, filter: MessageState | null, limit: number): OutboxListResult {
  const counts: Partial<Record<MessageState, number>> = {};
  const picked: OutboxEntry[] = [];
  const all = Object.values(state.outbox);
  for (const m of all) counts[m.state] = (counts[m.state] ?? 0) + 1;
  const shown = all
    .filter((m) => filter === null || m.state === filter)
    .sort((a, b) => (b.sentAt ?? b.settledAt ?? b.nextAttemptAt) - (a.sentAt ?? a.settledAt ?? a.nextAttemptAt) || b.createdAt - a.createdAt)
    .slice(0, limit);
  for (const m of shown) {
    const client = state.clients[m.clientId];
    picked.push({ ...m, clientName: client ? formatPersonName(client) : '' });
  }
  return { settings: outboxSettingsView(outboxSettingsOf(state)), messages: picked, counts };
}
