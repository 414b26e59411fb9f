import { X509Certificate } from 'node:crypto';
import type { OutboxSettingsView, OutboxSettingsInput, OutboxMessage } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { refuse, type Refusal } from '../app-error.ts';
import type { Decision } from '../hub-engine.ts';
import { outboxSettingsOf, outboxSettingsView } from './outbox-settings.ts';

/**
 * The manager's outbox commands (#16), pure. The password arrives already sealed (the handler seals it, so that no
 * decision, journal entry or command record ever holds it in plain text): `sealedPassword` undefined keeps the one
 * set, null removes it.
 */
export function decideOutboxSettings(
  state: Readonly<HubState>,
  input: Omit<OutboxSettingsInput, 'commandId' | 'password'>,
  sealedPassword: string | null | undefined,
): Decision<OutboxSettingsView> | Refusal {
  const current = outboxSettingsOf(state);
  const next = {
    smtp: input.smtp,
    passwordSealed: sealedPassword === undefined ? current.passwordSealed : sealedPassword,
    webhookUrl: input.webhookUrl,
    quietHours: input.quietHours,
    dailyCap: input.dailyCap,
    maxAttempts: input.maxAttempts ?? current.maxAttempts,
    keepBodiesDays: input.keepBodiesDays ?? current.keepBodiesDays,
  };
  // A user name without a password is legal for some relays, but a password with no server is a mistake.
  if (next.smtp === null && sealedPassword) return refuse('invalid_input', 'outbox_password_without_server');
  if (next.smtp?.trustedCertificate && !readsAsCertificates(next.smtp.trustedCertificate)) {
    return refuse('invalid_input', 'outbox_certificate_invalid', undefined, [{ field: 'smtp.trustedCertificate', rule: 'certificate_format' }]);
  }
  return { changes: { meta: { outbox: next } }, result: outboxSettingsView(next) };
}

/** Every certificate in the PEM text parses (the schema checked its form only: the browser has no X.509 parser). */
function readsAsCertificates(pem: string): boolean {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) return false;
  try {
    for (const block of blocks) new X509Certificate(block);
    return true;
  } catch {
    return false;
  }
}

const RESENDABLE: ReadonlySet<OutboxMessage['state']> = new Set(['failed', 'uncertain']);
const CANCELLABLE: ReadonlySet<OutboxMessage['state']> = new Set(['queued', 'failed', 'uncertain']);

/** A failed or uncertain message queued again now; its tries count from one again. */
export function decideResend(state: Readonly<HubState>, now: number, messageId: string): Decision<{ messageId: string }> | Refusal {
  const message = state.outbox[messageId];
  if (!message) return refuse('not_found', 'outbox_message_unknown');
  if (!RESENDABLE.has(message.state)) return refuse('conflict', 'outbox_not_resendable');
  if (message.reduced) return refuse('conflict', 'outbox_reduced');
  if (!state.clients[message.clientId]) return refuse('conflict', 'outbox_client_gone');
  return {
    changes: { outbox: { [messageId]: { ...message, state: 'queued', attempts: 0, nextAttemptAt: now, settledAt: null } } },
    result: { messageId },
  };
}

export function decideCancel(state: Readonly<HubState>, now: number, messageId: string): Decision<{ messageId: string }> | Refusal {
  const message = state.outbox[messageId];
  if (!message) return refuse('not_found', 'outbox_message_unknown');
  if (!CANCELLABLE.has(message.state)) return refuse('conflict', 'outbox_not_cancellable');
  return { changes: { outbox: { [messageId]: { ...message, state: 'cancelled', settledAt: now } } }, result: { messageId } };
}
