import { createHash } from 'node:crypto';
import { EnqueueMessageSchema, keptClientOf, type Client, type EnqueueMessage, type OutboxMessage } from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';

/** Why a message was not queued (said in the log by whoever asked; nothing changes). */
export type EnqueueRefusal =
  | 'duplicate'
  | 'unknown_client'
  | 'opted_out'
  | 'no_marketing_consent'
  | 'invalid';

export type EnqueueOutcome = { queued: OutboxMessage } | { refused: EnqueueRefusal; detail?: string };

/**
 * The id of a message is derived from its dedupe key, so "is this key already queued?" is one look-up, and two
 * rules racing to queue the same key write the same record. 256 bits of SHA-256, base64url: an `IdSchema` id.
 */
export const messageIdFor = (dedupeKey: string): string =>
  createHash('sha256').update(`outbox\u0000${dedupeKey}`).digest('base64url');

/**
 * Whether the client has said yes to marketing: their latest marketing choice (the consent history is kept whole, a
 * later "no" after a "yes" wins). Marketing is an opt-in (consent.schema.ts): a client who never chose gets none.
 */
export function marketingAllowed(client: Client): EnqueueRefusal | null {
  const last = (client.consents ?? []).filter((c) => c.kind === 'marketing').at(-1);
  if (!last) return 'no_marketing_consent';
  return last.granted ? null : 'opted_out';
}

/** The decision with its outcome: what the test-send and the unit tests read. */
export function enqueueMessage(state: Readonly<HubState>, now: number, m: EnqueueMessage): EnqueueOutcome {
  const parsed = EnqueueMessageSchema.safeParse(m);
  if (!parsed.success) return { refused: 'invalid', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const input = parsed.data;
  const id = messageIdFor(input.dedupeKey);
  if (state.outbox[id]) return { refused: 'duplicate' };
  // A message asked for under a record merged away since (her visit still on the floor closed after the merge) is
  // the kept person's: queued for the kept record, whose address, language of contact and consents now hold.
  const client = keptClientOf(state.clients, input.clientId);
  if (!client) return { refused: 'unknown_client' };
  if (input.purpose === 'marketing') {
    const refusal = marketingAllowed(client);
    if (refusal) return { refused: refusal };
  }
  return {
    queued: {
      id,
      clientId: client.id,
      purpose: input.purpose,
      kind: input.kind,
      language: input.language,
      subject: input.subject,
      body: input.body,
      dedupeKey: input.dedupeKey,
      notBefore: input.notBefore,
      createdAt: now,
      state: 'queued',
      attempts: 0,
      nextAttemptAt: Math.max(now, input.notBefore),
      channel: null,
      to: null,
      lastError: null,
      sentAt: null,
      settledAt: null,
      reduced: false,
    },
  };
}

/**
 * Queues one message for a client (#16; "rules" calls it for follow-ups whose channel is `message`, with text it
 * rendered from the salon's wording). Pure, the clock a parameter; returns the changes to journal:
 * - idempotent by `dedupeKey`: the same key twice changes nothing (the id is derived from the key);
 * - marketing to a client who opted out (or never opted in) is refused: no change. Service messages (the day-before
 *   reminder) still go, as the law allows;
 * - an unknown client or malformed input: no change.
 * A refusal is said through `log` (the scheduler passes its logger), never thrown: a rule run must go on.
 */
export function decideEnqueueMessage(
  state: Readonly<HubState>,
  now: number,
  m: EnqueueMessage,
  log?: (why: { reason: EnqueueRefusal; dedupeKey: string; clientId: string; detail?: string }) => void,
): Changes {
  const outcome = enqueueMessage(state, now, m);
  if ('queued' in outcome) return { outbox: { [outcome.queued.id]: outcome.queued } };
  log?.({ reason: outcome.refused, dedupeKey: m.dedupeKey, clientId: m.clientId, ...(outcome.detail ? { detail: outcome.detail } : {}) });
  return {};
}
