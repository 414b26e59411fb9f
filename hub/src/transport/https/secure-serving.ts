import type { Server as HttpsServer } from 'node:https';
import type { Logger } from '../../logger.ts';
import type { TlsMaterial, TlsSource } from './tls-source.ts';

/** How often the hub asks its certificate source whether to renew: twice a day is far inside the 30-day margin. */
const RENEWAL_CHECK_MS = 12 * 3_600_000;

/**
 * Keeps the HTTPS server's certificate current: loaded before it listens, checked twice a day, and swapped in place
 * (setSecureContext) when renewed, so open connections and sockets carry on and new ones get the new certificate.
 */
export class SecureServing {
  private material: TlsMaterial | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly server: HttpsServer,
    private readonly source: TlsSource,
    private readonly clock: () => number,
    private readonly logger: Logger,
  ) {}

  get current(): TlsMaterial | null {
    return this.material;
  }

  /** Asks the source for the certificate to serve now; swaps it in when it changed. */
  async refresh(): Promise<void> {
    const next = await this.source.current(this.clock());
    if (next.certPem === this.material?.certPem && next.keyPem === this.material.keyPem) return;
    this.server.setSecureContext({ key: next.keyPem, cert: next.certPem });
    this.material = next;
  }

  start(): void {
    this.timer = setInterval(() => {
      this.refresh().catch((err: unknown) => this.logger.error({ err }, 'could not renew the hub\'s certificate; will try again'));
    }, RENEWAL_CHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
