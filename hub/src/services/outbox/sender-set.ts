import type { MessageChannel, OutboxSettings } from '@glow/shared';
import { openSecret } from '../../security/sealed-secret.ts';
import type { OutboxFolderPort } from '../../store/outbox-folder.ts';
import type { MessageSender } from './sender.ts';
import { FileSender } from './senders/file-sender.ts';
import { SMTP_TIMEOUTS, SmtpSender } from './senders/smtp-sender.ts';
import { WEBHOOK_TIMEOUT_MS, WebhookSender } from './senders/webhook-sender.ts';

/** The label the SMTP password is sealed under (security/sealed-secret.ts). */
export const SMTP_PASSWORD_LABEL = 'outbox-smtp-password';

export type SenderTimeouts = { smtp: typeof SMTP_TIMEOUTS; webhookMs: number };
export const DEFAULT_SENDER_TIMEOUTS: SenderTimeouts = { smtp: SMTP_TIMEOUTS, webhookMs: WEBHOOK_TIMEOUT_MS };

/**
 * The senders for the settings of the moment, built again when the settings change (the SMTP password opened from
 * its sealed form only here, in memory). A channel the settings do not provide has no sender.
 */
export class SenderSet {
  private built: { settings: OutboxSettings; senders: Partial<Record<MessageChannel, MessageSender>> } | null = null;

  constructor(
    private readonly folder: OutboxFolderPort,
    private readonly timeouts: SenderTimeouts = DEFAULT_SENDER_TIMEOUTS,
  ) {}

  senderFor(channel: MessageChannel, settings: OutboxSettings, hubKey: string): MessageSender | null {
    if (this.built?.settings !== settings) {
      this.close();
      const senders: Partial<Record<MessageChannel, MessageSender>> = { file: new FileSender(this.folder) };
      if (settings.smtp) {
        const password = settings.passwordSealed ? openSecret(hubKey, SMTP_PASSWORD_LABEL, settings.passwordSealed) : null;
        senders.email = new SmtpSender(settings.smtp, password, this.timeouts.smtp);
      }
      if (settings.webhookUrl) senders.webhook = new WebhookSender(settings.webhookUrl, this.timeouts.webhookMs);
      this.built = { settings, senders };
    }
    return this.built.senders[channel] ?? null;
  }

  close(): void {
    for (const sender of Object.values(this.built?.senders ?? {})) sender.close();
    this.built = null;
  }
}
