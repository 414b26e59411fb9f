import { z } from 'zod';
import { isHostName, isHttpUrl } from '../domain/outbox-addresses.ts';

/**
 * How the salon's messages leave (#16), set by the manager only. Kept in the hub's meta (settings partition). The
 * SMTP password is kept only encrypted (`passwordSealed`, hub/src/security/sealed-secret.ts): it is never written to
 * the journal or a snapshot in plain text, and no view or reply carries it (views say `passwordSet`).
 *
 * Which sender a message takes: e-mail through SMTP when the client has an address and SMTP is on; else the webhook
 * (with the client's phone) when the salon set one; else a file in the data directory's outbox folder (the default,
 * for salons without e-mail: someone copies or prints them).
 */
export const SMTP_TLS_MODES = ['none', 'starttls', 'tls'] as const;
export const SmtpTlsModeSchema = z.enum(SMTP_TLS_MODES);
export type SmtpTlsMode = z.infer<typeof SmtpTlsModeSchema>;

/** One or more PEM certificates (the hub parses them too: outbox_certificate_invalid). */
const PEM_CERTIFICATE = /^(-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*)+$/;

/** HH:MM on a 24-hour clock. */
export const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_format');

export const SmtpSettingsSchema = z.object({
  host: z.string().trim().min(1, 'required').max(253, 'too_long').refine(isHostName, 'host_format'),
  port: z.number().int().min(1, 'port_range').max(65_535, 'port_range'),
  tls: SmtpTlsModeSchema,
  user: z.string().max(254, 'too_long'),
  /** The address the salon's messages come from. */
  sender: z.string().trim().max(254, 'too_long').pipe(z.email('email_format')),
  /**
   * A certificate the salon trusts for its own mail server (PEM: the server's self-signed certificate, or the
   * authority that signed it), for a server whose certificate no public authority vouches for. Set: only it is
   * trusted for this server (the name is still checked). Absent or null: the public authorities, as a mail program
   * does. Not a secret (a server shows it to every client).
   */
  trustedCertificate: z.string().trim().max(20_000, 'too_long').regex(PEM_CERTIFICATE, 'certificate_format').nullable().optional(),
});
export type SmtpSettings = z.infer<typeof SmtpSettingsSchema>;

export const WebhookUrlSchema = z.string().trim().max(2000, 'too_long').refine(isHttpUrl, 'url_format');

export const QuietHoursSchema = z
  .object({ from: ClockTimeSchema, to: ClockTimeSchema })
  .refine((q) => q.from !== q.to, { message: 'quiet_hours_empty', path: ['to'] });
export type QuietHours = z.infer<typeof QuietHoursSchema>;

/** The settings as stored (the password sealed). */
export const OutboxSettingsSchema = z.object({
  smtp: SmtpSettingsSchema.nullable(),
  /** The SMTP password sealed under the hub's key (AES-256-GCM); null: none. */
  passwordSealed: z.string().max(2000).nullable(),
  webhookUrl: WebhookUrlSchema.nullable(),
  /** No message leaves between `from` and `to`, salon time (may cross midnight: 21:00–09:00); they wait. */
  quietHours: QuietHoursSchema.nullable(),
  /** At most this many messages leave per salon day; the rest wait for the next day. Null: no cap. */
  dailyCap: z.number().int().min(1).max(100_000).nullable(),
  /** Tries before a message is given up as failed. */
  maxAttempts: z.number().int().min(1).max(20),
  /** Days a settled message keeps its subject and body before it is reduced to a delivery record. */
  keepBodiesDays: z.number().int().min(1).max(3650),
});
export type OutboxSettings = z.infer<typeof OutboxSettingsSchema>;

export const DEFAULT_OUTBOX_SETTINGS: OutboxSettings = {
  smtp: null,
  passwordSealed: null,
  webhookUrl: null,
  quietHours: { from: '21:00', to: '09:00' },
  dailyCap: 200,
  maxAttempts: 6,
  keepBodiesDays: 30,
};

/** What the manager's screen sees: everything but the password, and whether one is set. */
export const OutboxSettingsViewSchema = OutboxSettingsSchema.omit({ passwordSealed: true }).extend({ passwordSet: z.boolean() });
export type OutboxSettingsView = z.infer<typeof OutboxSettingsViewSchema>;
