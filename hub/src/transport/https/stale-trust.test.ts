import type { Server as HttpsServer } from 'node:https';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../logger.ts';
import { createCertificateAuthority, issueServerCertificate } from '../../security/certificates.ts';
import { SecureServing } from './secure-serving.ts';
import { caMadeAt, devicesTrustingAnOldCa } from './stale-trust.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 3, 9);

const device = (pairedAt: number, revokedAt: number | null = null) => ({ kind: 'tablet', pairedAt, revokedAt });

describe('devices that trusted a CA the hub no longer has', () => {
  it('are the devices paired before the CA was made (revoked ones do not count)', async () => {
    const ca = await createCertificateAuthority('salon-hub', T0);
    expect(caMadeAt(ca.certPem)).toBe(T0);
    expect(devicesTrustingAnOldCa(ca.certPem, { a: device(T0 - 30 * DAY), b: device(T0 + DAY), c: device(T0 - DAY, T0 - 1) })).toBe(1);
  });

  it('are named in one warning at start that says what to do, and not at a renewal', async () => {
    const ca = await createCertificateAuthority('salon-hub', T0);
    const server = await issueServerCertificate(ca, ['salon-hub.local'], T0);
    const warnings: string[] = [];
    const logger = { warn: (_o: unknown, msg: string) => warnings.push(msg), info: () => {}, error: () => {} } as unknown as Logger;
    let material = { ...server, caCertPem: ca.certPem, fingerprint: 'AB:CD', expiresAt: T0 + 90 * DAY };
    const serving = new SecureServing({ setSecureContext: () => {} } as unknown as HttpsServer, { current: async () => material }, () => T0, logger, () => ({
      old: device(T0 - 10 * DAY),
    }));
    await serving.refresh();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/1 paired tablet\(s\) or kiosk\(s\).*restored or moved without its tls\/ folder.*put the tls\/ folder of the old data directory back.*\/trust/);
    material = { ...material, certPem: material.certPem + '\n' };
    await serving.refresh();
    expect(warnings).toHaveLength(1);

    const fresh = new SecureServing({ setSecureContext: () => {} } as unknown as HttpsServer, { current: async () => material }, () => T0, logger, () => ({
      later: device(T0 + 60_000),
    }));
    await fresh.refresh();
    expect(warnings).toHaveLength(1);
  });
});
