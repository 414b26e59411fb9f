import type { DeliveryErrorCode, Language, MessageChannel, MessagePurpose } from '@glow/shared';

/** One message as a sender sees it: where to, what, and in which language (for the file and the webhook). */
export type Outgoing = {
  id: string;
  channel: MessageChannel;
  /** An e-mail address (email), a phone in E.164 (webhook), or the file's name (file). */
  to: string;
  clientName: string;
  subject: string;
  body: string;
  language: Language;
  purpose: MessagePurpose;
  kind: string;
};

/**
 * What a try came to. `temporary`: worth another try later (the network is down, the server said 4xx, it timed out);
 * otherwise it is refused for good (5xx: no such mailbox, rejected as spam, a webhook's 4xx).
 */
export type SendResult =
  | { ok: true; detail: string }
  | { ok: false; code: DeliveryErrorCode; temporary: boolean; detail: string };

/** Every way out of the salon, behind one interface (SMTP, a file, a webhook). Never throws: failures are results. */
export interface MessageSender {
  readonly channel: MessageChannel;
  send(message: Outgoing): Promise<SendResult>;
  /** Lets go of connections (the SMTP pool) when the settings change or the hub stops. */
  close(): void;
}

/** Cuts what a server or library said to a line the manager can read and the journal can hold. */
export const detailOf = (text: unknown): string => String(text ?? '').replace(/\s+/g, ' ').trim().slice(0, 480);
