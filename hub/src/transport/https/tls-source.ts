import { expiresAt, fingerprint, issueServerCertificate, createCertificateAuthority, renewalReason, type PemPair } from '../../security/certificates.ts';
import type { CertificateFiles } from '../../store/certificate-files.ts';
import type { Logger } from '../../logger.ts';

/** What the HTTPS server serves, and what the trust page offers a new tablet. */
export type TlsMaterial = {
  certPem: string;
  keyPem: string;
  /** The hub's own CA certificate for tablets to trust; null when the salon supplied its certificate. */
  caCertPem: string | null;
  /** SHA-256 fingerprint of what a tablet must trust (the CA, or the salon's certificate). */
  fingerprint: string;
  expiresAt: number;
};

/** Where the HTTPS server gets its certificate, asked at start and then twice a day (renewal). */
export type TlsSource = { current(now: number): Promise<TlsMaterial> };

/**
 * The hub's own CA and server certificate: the CA is made on first start and kept; the server certificate is issued
 * for every name and address the hub answers on, and issued again when it nears its end, when the CA changed, or when
 * the hub answers on a new address (a DHCP lease that moved).
 */
export function ownCertificates(options: { files: CertificateFiles; hubName: string; subjects: () => string[]; logger: Logger }): TlsSource {
  const { files, logger } = options;
  let ca: PemPair | null = null;
  return {
    async current(now) {
      if (!ca) {
        ca = await files.read('ca');
        if (!ca) {
          ca = await createCertificateAuthority(options.hubName, now);
          await files.write('ca', ca);
          logger.info({ fingerprint: fingerprint(ca.certPem) }, 'created the hub\'s certificate authority: each tablet must trust it once (see /trust)');
        }
      }
      const subjects = options.subjects();
      let server = await files.read('server');
      const reason = server ? renewalReason(server, ca.certPem, subjects, now) : 'none yet';
      if (!server || reason) {
        server = await issueServerCertificate(ca, subjects, now);
        await files.write('server', server);
        logger.info({ reason, subjects, expiresAt: new Date(expiresAt(server.certPem)).toISOString() }, 'issued the hub\'s server certificate');
      }
      return { ...server, caCertPem: ca.certPem, fingerprint: fingerprint(ca.certPem), expiresAt: expiresAt(server.certPem) };
    },
  };
}

/** A certificate the salon supplies (checked by main.ts before start): served as it is, never renewed by the hub. */
export function salonCertificate(pair: PemPair, logger: Logger): TlsSource {
  const material: TlsMaterial = { ...pair, caCertPem: null, fingerprint: fingerprint(pair.certPem), expiresAt: expiresAt(pair.certPem) };
  return {
    async current(now) {
      if (now > material.expiresAt) logger.error({ expiresAt: new Date(material.expiresAt).toISOString() }, 'the salon\'s certificate has expired: tablets will refuse the hub. Renew it (GLOW_TLS_CERT, GLOW_TLS_KEY) and restart.');
      return material;
    },
  };
}
