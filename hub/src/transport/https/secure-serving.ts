import type { Server as HttpsServer } from 'node:https';
import type { Logger } from '../../logger.ts';
import { devicesTrustingAnOldCa, type PairedDevice } from './stale-trust.ts';
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
    /** The paired devices (the state), to say at start when they trusted a CA this hub no longer has. */
    private readonly devices: () => Readonly<Record<string, PairedDevice>> = () => ({}),
  ) {}

  get current(): TlsMaterial | null {
    return this.material;
  }

  /** Asks the source for the certificate to serve now; swaps it in when it changed. */
  async refresh(): Promise<void> {
    const next = await this.source.current(this.clock());
    if (next.certPem === this.material?.certPem && next.keyPem === this.material.keyPem) return;
    this.server.setSecureContext({ key: next.keyPem, cert: next.certPem });
    const first = this.material === null;
    this.material = next;
    if (first) this.warnOfStaleTrust(next);
  }

  /** Once at start: devices paired before this CA existed will show a certificate warning; say why and what to do. */
  private warnOfStaleTrust(material: TlsMaterial): void {
    if (!material.caCertPem) return;
    const devices = devicesTrustingAnOldCa(material.caCertPem, this.devices());
    if (devices === 0) return;
    this.logger.warn(
      { devices, fingerprint: material.fingerprint },
      `${devices} paired tablet(s) or kiosk(s) were paired before this hub's certificate authority was made: the data directory was restored or moved without its tls/ folder, so the hub made a new one, and those devices will show a certificate warning. ` +
        'Either stop the hub, put the tls/ folder of the old data directory back and start again (nothing else changes), ' +
        "or on each device remove the old 'Glow hub … local CA' certificate and trust this one from the hub's /trust page over plain HTTP (check the fingerprint).",
    );
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
