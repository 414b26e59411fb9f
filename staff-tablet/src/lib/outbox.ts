import {
  DEFAULT_OUTBOX_SETTINGS,
  DELIVERY_ERRORS,
  type DeliveryErrorCode,
  type MessageState,
  type OutboxEntry,
  type OutboxSettingsInput,
  type OutboxSettingsView,
  type SmtpTlsMode,
  type Translate,
} from '@glow/shared';

/**
 * The manager's Messages screen (#16), its pure parts: the settings form's draft (what is typed, numbers as text
 * until sent) and the list's rows as the screen writes them. Tested beside.
 */
export type OutboxDraft = {
  smtpOn: boolean;
  host: string;
  port: string;
  tls: SmtpTlsMode;
  user: string;
  /** Typed now; empty keeps the saved one unless `clearPassword`. Never stored anywhere on the tablet. */
  password: string;
  clearPassword: boolean;
  sender: string;
  /** The salon's own server's certificate (PEM) the manager trusts; empty: the public authorities. */
  trustedCertificate: string;
  webhookUrl: string;
  quietOn: boolean;
  quietFrom: string;
  quietTo: string;
  capOn: boolean;
  dailyCap: string;
  maxAttempts: string;
  keepBodiesDays: string;
};

export function draftOf(settings: OutboxSettingsView | null): OutboxDraft {
  const s = settings ?? { ...DEFAULT_OUTBOX_SETTINGS, passwordSet: false };
  return {
    smtpOn: s.smtp !== null,
    host: s.smtp?.host ?? '',
    port: String(s.smtp?.port ?? 587),
    tls: s.smtp?.tls ?? 'starttls',
    user: s.smtp?.user ?? '',
    password: '',
    clearPassword: false,
    sender: s.smtp?.sender ?? '',
    trustedCertificate: s.smtp?.trustedCertificate ?? '',
    webhookUrl: s.webhookUrl ?? '',
    quietOn: s.quietHours !== null,
    quietFrom: s.quietHours?.from ?? '21:00',
    quietTo: s.quietHours?.to ?? '09:00',
    capOn: s.dailyCap !== null,
    dailyCap: String(s.dailyCap ?? 200),
    maxAttempts: String(s.maxAttempts),
    keepBodiesDays: String(s.keepBodiesDays),
  };
}

/** A typed number as the command wants it: a whole number, or the text itself so that the schema names the field. */
const numberOf = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

export function inputOf(d: OutboxDraft): Omit<OutboxSettingsInput, 'commandId'> {
  return {
    smtp: d.smtpOn
      ? { host: d.host.trim(), port: numberOf(d.port), tls: d.tls, user: d.user.trim(), sender: d.sender.trim(), trustedCertificate: d.trustedCertificate.trim() || null }
      : null,
    ...(d.clearPassword ? { password: '' } : d.password !== '' ? { password: d.password } : {}),
    webhookUrl: d.webhookUrl.trim() === '' ? null : d.webhookUrl.trim(),
    quietHours: d.quietOn ? { from: d.quietFrom, to: d.quietTo } : null,
    dailyCap: d.capOn ? numberOf(d.dailyCap) : null,
    maxAttempts: numberOf(d.maxAttempts),
    keepBodiesDays: numberOf(d.keepBodiesDays),
  };
}

/** The states the list can be filtered by, in the order a manager looks for trouble. */
export const LIST_FILTERS: readonly (MessageState | null)[] = [null, 'failed', 'uncertain', 'queued', 'sent', 'cancelled'];

export type OutboxRow = {
  id: string;
  when: string;
  client: string;
  subject: string;
  body: string;
  how: string;
  state: MessageState;
  stateLabel: string;
  tries: string;
  why: string | null;
  reduced: boolean;
  canResend: boolean;
  canCancel: boolean;
};

/**
 * Why a try failed, in the manager's language. After the last try the hub says `too_many_tries` with the last
 * failure as "code: the server's words": that code is said in words too, not shown as it is stored.
 */
function reasonOf(error: NonNullable<OutboxEntry['lastError']>, t: Translate): string {
  const last = error.code === 'too_many_tries' ? /^([a-z_]+): ([\s\S]*)$/.exec(error.detail) : null;
  const inner = last && (DELIVERY_ERRORS as readonly string[]).includes(last[1]!) ? t(`reason.delivery_${last[1] as DeliveryErrorCode}`, { detail: last[2] || '—' }) : null;
  return t(`reason.delivery_${error.code}`, { detail: inner ?? (error.detail || '—') });
}

/** A message as the list shows it, in the manager's language and the salon's time. */
export function rowOf(m: OutboxEntry, t: Translate, when: (at: number) => string): OutboxRow {
  const moment = m.sentAt ?? m.settledAt ?? m.nextAttemptAt;
  const timing =
    m.state === 'sent' && m.sentAt !== null
      ? t('outbox.sentAt', { when: when(m.sentAt) })
      : m.state === 'queued'
        ? t('outbox.waitsUntil', { when: when(m.nextAttemptAt) })
        : when(moment);
  const channel = m.channel ? t(`outbox.channel.${m.channel}`) : '';
  const reason = m.lastError ? reasonOf(m.lastError, t) : null;
  return {
    id: m.id,
    when: timing,
    client: m.clientName,
    subject: m.subject,
    body: m.body,
    how: [channel, m.to ?? '', t(`outbox.purpose.${m.purpose}`)].filter(Boolean).join(' · '),
    state: m.state,
    stateLabel: t(`outbox.state.${m.state}`),
    tries: t('outbox.tries', { n: m.attempts }),
    // A sent message's earlier failures are history, not a reason.
    why: m.state === 'sent' ? null : reason,
    reduced: m.reduced,
    canResend: (m.state === 'failed' || m.state === 'uncertain') && !m.reduced,
    canCancel: m.state === 'queued' || m.state === 'failed' || m.state === 'uncertain',
  };
}
