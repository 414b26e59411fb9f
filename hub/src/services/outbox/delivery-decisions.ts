import { keptClientOf, nextSendableAt, salonDayBounds, type Client, type DeliveryError, type MessageChannel, type OutboxMessage } from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';
import { reminderClosedByMessage } from './booking-eve-reminder.ts';
import { outboxSettingsOf } from './outbox-settings.ts';
import type { SendResult } from './sender.ts';

/**
 * The delivery loop's decisions (#16), pure, the clock a parameter; the loop (delivery-loop.ts) runs each through the
 * engine so every step is journaled before anything leaves.
 *
 * At most once. A message is claimed (`sending`, attempt n, journaled and on disk) before its sender is called, and
 * its outcome is journaled after. A hub that stops in between cannot know whether the message left: at the next
 * start it is marked `uncertain` and not sent again by itself (e-mail and webhook; a file is simply written again,
 * which cannot duplicate anything since the file is named by the message). The manager sees it and may resend.
 * Sending twice is the worse failure for a salon's client (a reminder twice, a birthday offer twice); losing one
 * silently is not possible either, as it stays on the manager's list.
 */

/** Failures the manager must fix in the settings: still named as such once the last try failed. */
const KEEPS_ITS_REASON: ReadonlySet<DeliveryError['code']> = new Set(['tls_untrusted']);

/** Messages claimed in one go: a small batch, so that one slow server holds back little. */
export const CLAIM_BATCH = 5;

/** Back-off after failed try n (1, 2, …): 1 min, 2, 4, … capped at 2 h. */
export const backoffMs = (attempt: number): number => Math.min(60_000 * 2 ** Math.max(0, attempt - 1), 2 * 3_600_000);

/** Where a message to this client goes with these settings: e-mail when they have one and SMTP is set, else … */
export function routeFor(client: Client, state: Readonly<HubState>): { channel: MessageChannel; to: string } {
  const settings = outboxSettingsOf(state);
  if (client.email && settings.smtp) return { channel: 'email', to: client.email };
  if (settings.webhookUrl) return { channel: 'webhook', to: client.phone };
  return { channel: 'file', to: client.email ?? client.phone };
}

/** Messages left or leaving today (salon day), which the daily cap counts. */
export function sentOnDay(state: Readonly<HubState>, start: number, next: number): number {
  let n = 0;
  for (const m of Object.values(state.outbox)) {
    if (m.state === 'sending' || m.state === 'uncertain') n += m.nextAttemptAt >= start && m.nextAttemptAt < next ? 1 : 0;
    else if (m.sentAt !== null && m.sentAt >= start && m.sentAt < next) n++;
  }
  return n;
}

/**
 * What the loop should do now: the messages to claim (due, outside quiet hours, within today's cap, oldest due
 * first), and the messages to hold (moved to when they may go: the end of the quiet hours, or tomorrow's start).
 */
export function decideClaim(state: Readonly<HubState>, now: number): { changes: Changes; result: { claimed: string[] } } {
  const settings = outboxSettingsOf(state);
  const zone = state.meta.floor.timeZone;
  const due = Object.values(state.outbox)
    .filter((m) => m.state === 'queued' && m.nextAttemptAt <= now)
    .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.createdAt - b.createdAt);
  if (due.length === 0) return { changes: {}, result: { claimed: [] } };
  const changes: Record<string, OutboxMessage> = {};
  const claimed: string[] = [];
  const sendable = nextSendableAt(now, settings.quietHours, zone);
  const day = salonDayBounds(now, zone);
  let room = settings.dailyCap === null ? Infinity : Math.max(0, settings.dailyCap - sentOnDay(state, day.start, day.next));
  for (const message of due) {
    // A message still under a record merged away (queued before the merge moved it) goes to the kept person.
    const client = keptClientOf(state.clients, message.clientId);
    if (!client) {
      changes[message.id] = settle(message, now, 'failed', { code: 'client_gone', detail: '', at: now });
      continue;
    }
    if (sendable > now) {
      changes[message.id] = { ...message, nextAttemptAt: sendable };
      continue;
    }
    if (room <= 0) {
      // Tomorrow's start, or later if that falls in the quiet hours.
      changes[message.id] = { ...message, nextAttemptAt: nextSendableAt(day.next, settings.quietHours, zone) };
      continue;
    }
    if (claimed.length >= CLAIM_BATCH) continue;
    const route = routeFor(client, state);
    changes[message.id] = { ...message, state: 'sending', attempts: message.attempts + 1, channel: route.channel, to: route.to, nextAttemptAt: now };
    claimed.push(message.id);
    room--;
  }
  return { changes: Object.keys(changes).length > 0 ? { outbox: changes } : {}, result: { claimed } };
}

function settle(message: OutboxMessage, now: number, state: 'sent' | 'failed' | 'uncertain' | 'cancelled', error: DeliveryError | null): OutboxMessage {
  return { ...message, state, settledAt: now, lastError: error ?? message.lastError, ...(state === 'sent' ? { sentAt: now } : {}) };
}

/**
 * A try's outcome: sent (a day-before message also closes its booking's reminder call: booking-eve-reminder.ts); or another try after the back-off when the failure is temporary and tries remain; or failed
 * with the reason. Only a message still `sending` is settled (a message the manager cancelled meanwhile stays so).
 */
export function decideOutcome(state: Readonly<HubState>, now: number, id: string, outcome: SendResult): Changes {
  const message = state.outbox[id];
  if (!message || message.state !== 'sending') return {};
  if (outcome.ok) {
    // A day-before message that reached the client takes the desk's reminder call off its list.
    return { ...reminderClosedByMessage(state, message, now), outbox: { [id]: { ...settle(message, now, 'sent', null), lastError: null } } };
  }
  const error: DeliveryError = { code: outcome.code, detail: outcome.detail, at: now };
  const { maxAttempts } = outboxSettingsOf(state);
  if (outcome.temporary && message.attempts < maxAttempts) {
    return { outbox: { [id]: { ...message, state: 'queued', lastError: error, nextAttemptAt: now + backoffMs(message.attempts) } } };
  }
  // After the last try the reason stays the server's, when it is one the manager must act on (a certificate to trust).
  const final = outcome.temporary && !KEEPS_ITS_REASON.has(outcome.code) ? { ...error, code: 'too_many_tries' as const, detail: `${outcome.code}: ${outcome.detail}`.slice(0, 500) } : error;
  return { outbox: { [id]: settle(message, now, 'failed', final) } };
}

/**
 * At start-up: a message still `sending` was in flight when the hub stopped. E-mail and webhook become `uncertain`
 * (not resent by themselves); a file is queued again (writing it twice is harmless). Null when there is none.
 */
export function decideRecoverInFlight(state: Readonly<HubState>, now: number): Changes | null {
  const changes: Record<string, OutboxMessage> = {};
  for (const message of Object.values(state.outbox)) {
    if (message.state !== 'sending') continue;
    changes[message.id] =
      message.channel === 'file'
        ? { ...message, state: 'queued', nextAttemptAt: now }
        : settle(message, now, 'uncertain', { code: 'crashed_while_sending', detail: '', at: now });
  }
  return Object.keys(changes).length > 0 ? { outbox: changes } : null;
}

/** Settled messages past the salon's days keep a delivery record only: subject and body emptied. */
export function decideReduce(state: Readonly<HubState>, now: number): Changes | null {
  const keepMs = outboxSettingsOf(state).keepBodiesDays * 86_400_000;
  const changes: Record<string, OutboxMessage> = {};
  for (const message of Object.values(state.outbox)) {
    if (message.reduced || message.settledAt === null || now - message.settledAt < keepMs) continue;
    changes[message.id] = { ...message, subject: '', body: '', reduced: true };
  }
  return Object.keys(changes).length > 0 ? { outbox: changes } : null;
}
