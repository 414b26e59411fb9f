import { createHash } from 'node:crypto';
import type { MessageState, OutboxStatus } from '@glow/shared';
import type { Changes, HubState } from '../store/hub-state.ts';
import type { Projection } from './view-projections.ts';

/**
 * The manager's live `outboxStatus` (#16): the outbox at a glance under the one id `status`, sent again whenever a
 * revision touches any message (queued, claimed, sent, failed, retried, dropped, erased). Its counts are what the
 * Messages screen's filters show; its `version` moves with every change to any message, which makes the screen read
 * its list (`outbox:list`, manager only) again at once instead of every 15 s. Nothing of a message — who, what, where
 * to — is in it, and nobody but the manager receives it. Reads the outbox only; delivery is services/outbox's.
 */
export function outboxStatusOf(state: Readonly<HubState>): OutboxStatus {
  const counts: Partial<Record<MessageState, number>> = {};
  let attempts = 0;
  let latest = 0;
  let size = 0;
  for (const m of Object.values(state.outbox)) {
    size++;
    counts[m.state] = (counts[m.state] ?? 0) + 1;
    attempts += m.attempts;
    latest = Math.max(latest, m.createdAt, m.nextAttemptAt, m.sentAt ?? 0, m.settledAt ?? 0, m.lastError?.at ?? 0);
  }
  const version = createHash('sha1').update(JSON.stringify([counts, attempts, latest, size])).digest('base64url').slice(0, 16);
  return { counts, version };
}

const manager = (a: { kind: string }) => a.kind === 'manager';

/**
 * The status is a walk over every message: worked out once per revision that touched the outbox (or per snapshot),
 * not once per manager's tablet. A snapshot (`ids`) and a revision with messages in it (`changed`, first audience)
 * throw the kept one away; `card` is only ever asked after one of them, so it never reads a stale one.
 */
let kept: { changes: Changes | null; status: OutboxStatus | null } = { changes: null, status: null };

export const outboxStatusView: Projection<OutboxStatus> = {
  ids: (a) => {
    if (!manager(a)) return [];
    kept = { changes: null, status: null };
    return ['status'];
  },
  card: (a, id, { state }) => {
    if (!manager(a) || id !== 'status') return null;
    return (kept.status ??= outboxStatusOf(state));
  },
  changed: (a, { changes }) => {
    if (!manager(a) || !changes.outbox || Object.keys(changes.outbox).length === 0) return [];
    if (kept.changes !== changes) kept = { changes, status: null };
    return ['status'];
  },
};
