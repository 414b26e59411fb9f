import type { Changes, HubState } from '../../store/hub-state.ts';

/**
 * A client's erasure removes every message of theirs from the outbox, whatever its state (the journal's older
 * entries go when the journal is trimmed, like every record of theirs). Whoever erases a client merges these
 * changes into the same command.
 */
export function outboxErasure(state: Readonly<Pick<HubState, 'outbox'>>, clientId: string): Changes {
  const removed: Record<string, null> = {};
  for (const message of Object.values(state.outbox)) if (message.clientId === clientId) removed[message.id] = null;
  return Object.keys(removed).length > 0 ? { outbox: removed } : {};
}
