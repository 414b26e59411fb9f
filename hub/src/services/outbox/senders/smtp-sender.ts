import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpSettings } from '@glow/shared';
import { detailOf, type MessageSender, type Outgoing, type SendResult } from '../sender.ts';

/** How long an SMTP server may take to answer at each step before the try counts as timed out (and is retried). */
export const SMTP_TIMEOUTS = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 30_000 };

type NodemailerError = Error & { code?: string; responseCode?: number; response?: string };

/**
 * E-mail through the salon's SMTP server, with nodemailer (no hand-written SMTP). One connection per message (a salon
 * sends tens a day; a pool would only keep a socket open to a server that may drop it). The server's refusal decides
 * what happens next: 4xx is temporary (try again later), 5xx is for good (no such mailbox, refused as spam); a
 * network error, a timeout or a TLS failure is temporary too. A rejected login or a certificate not trusted is retried,
 * so that a password (or a server name, or a trusted certificate) the manager corrects meanwhile still delivers it.
 */
export class SmtpSender implements MessageSender {
  readonly channel = 'email' as const;
  private readonly transport: Transporter;

  constructor(
    private readonly settings: SmtpSettings,
    password: string | null,
    timeouts = SMTP_TIMEOUTS,
  ) {
    this.transport = nodemailer.createTransport({
      ...smtpTlsOptions(settings),
      ...(settings.user !== '' ? { auth: { user: settings.user, pass: password ?? '' } } : {}),
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async send(message: Outgoing): Promise<SendResult> {
    try {
      const info = await this.transport.sendMail({
        from: this.settings.sender,
        to: message.to,
        subject: message.subject,
        text: message.body,
        messageId: `<${message.id}@glow.outbox>`,
        headers: { 'Content-Language': message.language, 'X-Glow-Kind': message.kind },
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return { ok: true, detail: detailOf((info as { response?: string }).response ?? 'accepted') };
    } catch (err) {
      return classifySmtpError(err as NodemailerError);
    }
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * The manager's "TLS" setting as nodemailer takes it:
 * - `tls`: TLS from the first byte (port 465 style, `secure`);
 * - `starttls`: a plain connection upgraded with STARTTLS before anything else, and refused if the server does not
 *   offer it (`requireTLS`): the password and the message never go in clear;
 * - `none`: plain SMTP, never upgraded (`ignoreTLS`; a relay on the salon's own network).
 * The server's certificate is always checked (its name too): against the public authorities, or only against the
 * certificate the manager trusts for the salon's own server (`trustedCertificate`).
 */
export function smtpTlsOptions(settings: SmtpSettings) {
  const trusted = settings.trustedCertificate ?? null;
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.tls === 'tls',
    requireTLS: settings.tls === 'starttls',
    ignoreTLS: settings.tls === 'none',
    tls: { rejectUnauthorized: true, ...(trusted ? { ca: [trusted] } : {}) },
  };
}

/** What Node and OpenSSL say when a server's certificate is not trusted (nodemailer keeps the words, not the code). */
const UNTRUSTED_CERTIFICATE = /self[- ]signed certificate|unable to (verify|get local issuer)|certificate (has expired|is not yet valid|signature failure|chain too long)|does not match certificate|altnames|unknown ca|CERT_/i;

export function classifySmtpError(err: NodemailerError): SendResult {
  const detail = detailOf(err.response ?? err.message);
  const status = err.responseCode;
  if (err.code === 'EAUTH') return { ok: false, code: 'auth_failed', temporary: true, detail };
  // Retried like a refused login: the manager may correct the server's name or trust its certificate meanwhile.
  if (status === undefined && UNTRUSTED_CERTIFICATE.test(err.message)) return { ok: false, code: 'tls_untrusted', temporary: true, detail };
  // STARTTLS refused by a server that does not offer it (its 5xx is about the upgrade, not the message): a setting
  // to correct ("TLS" or "None"), retried meanwhile; nothing went in clear text.
  if (err.code === 'ETLS') return { ok: false, code: 'tls_failed', temporary: true, detail };
  if (typeof status === 'number' && status >= 500) return { ok: false, code: 'refused_permanent', temporary: false, detail };
  if (typeof status === 'number' && status >= 400) return { ok: false, code: 'refused_temporary', temporary: true, detail };
  if (err.code === 'ETIMEDOUT') return { ok: false, code: 'timeout', temporary: true, detail };
  // A message nodemailer refuses to build (an address it cannot parse) will never go.
  if (err.code === 'EENVELOPE' || err.code === 'EMESSAGE') return { ok: false, code: 'no_address', temporary: false, detail };
  return { ok: false, code: 'network', temporary: true, detail };
}
