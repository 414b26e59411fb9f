import { isHttpUrl } from '@glow/shared';
import { detailOf, type MessageSender, type Outgoing, type SendResult } from '../sender.ts';

export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * The salon's gateway (an SMS or WeChat service, or their own script) reached by a POST of JSON to the URL the
 * manager set, http or https. The message's id goes as `Idempotency-Key`, so a gateway that keeps them can drop a
 * repeat the manager resends. 2xx: delivered to the gateway. 408, 429 and 5xx: temporary. Any other 4xx: refused for
 * good. No redirects are followed (a gateway that moved is the manager's to fix, not a place to send clients' data).
 */
export class WebhookSender implements MessageSender {
  readonly channel = 'webhook' as const;

  constructor(
    private readonly url: string,
    private readonly timeoutMs = WEBHOOK_TIMEOUT_MS,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(message: Outgoing): Promise<SendResult> {
    if (!isHttpUrl(this.url)) return { ok: false, code: 'not_configured', temporary: false, detail: 'webhook URL' };
    const payload = {
      id: message.id,
      kind: message.kind,
      purpose: message.purpose,
      language: message.language,
      to: { phone: message.to, name: message.clientName },
      subject: message.subject,
      body: message.body,
    };
    try {
      const response = await this.fetchImpl(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8', 'idempotency-key': message.id, 'user-agent': 'Glow-outbox' },
        body: JSON.stringify(payload),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = detailOf(await response.text().catch(() => ''));
      const status = response.status;
      const detail = detailOf(`HTTP ${status} ${text}`);
      if (status >= 200 && status < 300) return { ok: true, detail };
      if (status === 408 || status === 429 || status >= 500) return { ok: false, code: 'refused_temporary', temporary: true, detail };
      return { ok: false, code: 'refused_permanent', temporary: false, detail };
    } catch (err) {
      const name = (err as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, code: 'timeout', temporary: true, detail: `no answer in ${this.timeoutMs} ms` };
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      return { ok: false, code: 'network', temporary: true, detail: detailOf(cause?.code ?? cause?.message ?? (err as Error).message) };
    }
  }

  close(): void {}
}
