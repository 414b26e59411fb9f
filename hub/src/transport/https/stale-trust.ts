import { X509Certificate } from 'node:crypto';

/** The clock skew the hub's certificates are made with: valid from a day before they were made (certificates.ts). */
const BACKDATED_MS = 86_400_000;

/** When the hub's own CA was made, read from the certificate (its validity starts a day earlier, for clock skew). */
export const caMadeAt = (caCertPem: string): number => Date.parse(new X509Certificate(caCertPem).validFrom) + BACKDATED_MS;

export type PairedDevice = { kind: string; pairedAt: number; revokedAt: number | null };

/**
 * Tablets paired before the hub's CA was made trusted another CA: the data directory was restored or moved without
 * its tls/ folder, so the hub made a new one, and each of those tablets will now refuse the hub with a certificate
 * warning that the app cannot explain (the page never loads). How many, for the start-up log to say what to do.
 * Kiosks count too: they open the hub over HTTPS as well.
 */
export function devicesTrustingAnOldCa(caCertPem: string, devices: Readonly<Record<string, PairedDevice>>): number {
  const madeAt = caMadeAt(caCertPem);
  return Object.values(devices).filter((d) => d.revokedAt === null && d.pairedAt < madeAt).length;
}
