import { mkdtemp, rm, stat } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../logger.ts';
import { RENEW_BEFORE_DAYS, SERVER_VALID_DAYS, createCertificateAuthority, issueServerCertificate, salonCertificateProblem, spkiHash } from '../../security/certificates.ts';
import { certificateFiles } from '../../store/certificate-files.ts';
import { ownCertificates } from './tls-source.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 10, 9);

describe('the hub\'s own certificates', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'glow-tls-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates a CA and a server certificate for every name and address on first start, keeps them 0600, and reuses them', async () => {
    const subjects = ['salon-hub', 'salon-hub.local', 'localhost', '127.0.0.1', '192.168.1.20', '::1'];
    const source = ownCertificates({ files: certificateFiles(dir), hubName: 'salon-hub', subjects: () => subjects, logger: silentLogger });
    const first = await source.current(T0);
    const cert = new X509Certificate(first.certPem);
    const ca = new X509Certificate(first.caCertPem ?? '');
    expect(ca.ca).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.checkIssued(ca)).toBe(true);
    for (const name of ['salon-hub', 'salon-hub.local', 'localhost']) expect(cert.checkHost(name)).toBe(name);
    for (const ip of ['127.0.0.1', '192.168.1.20', '::1']) expect(cert.checkIP(ip)).toBeDefined();
    expect(cert.checkHost('evil.example')).toBeUndefined();
    expect(first.expiresAt).toBe(Date.parse(cert.validTo));
    expect(first.fingerprint).toBe(ca.fingerprint256);
    for (const f of ['ca.key', 'ca.crt', 'server.key', 'server.crt']) expect((await stat(join(dir, 'tls', f))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'tls'))).mode & 0o777).toBe(0o700);

    // A restart (a new source over the same files) serves the same certificate under the same CA.
    const again = await ownCertificates({ files: certificateFiles(dir), hubName: 'salon-hub', subjects: () => subjects, logger: silentLogger }).current(T0 + DAY);
    expect(again.certPem).toBe(first.certPem);
    expect(again.caCertPem).toBe(first.caCertPem);
  });

  it('renews the server certificate before it expires, under the same CA', async () => {
    const source = ownCertificates({ files: certificateFiles(dir), hubName: 'h', subjects: () => ['h.local'], logger: silentLogger });
    const first = await source.current(T0);
    const beforeWindow = await source.current(T0 + (SERVER_VALID_DAYS - RENEW_BEFORE_DAYS - 2) * DAY);
    expect(beforeWindow.certPem).toBe(first.certPem);
    const inWindow = T0 + (SERVER_VALID_DAYS - RENEW_BEFORE_DAYS + 1) * DAY;
    const renewed = await source.current(inWindow);
    expect(renewed.certPem).not.toBe(first.certPem);
    expect(renewed.caCertPem).toBe(first.caCertPem);
    expect(renewed.expiresAt).toBeGreaterThan(inWindow + (SERVER_VALID_DAYS - 2) * DAY);
  });

  it('issues the server certificate again when the hub answers on a new address', async () => {
    let subjects = ['h.local', '192.168.1.20'];
    const source = ownCertificates({ files: certificateFiles(dir), hubName: 'h', subjects: () => subjects, logger: silentLogger });
    const first = await source.current(T0);
    subjects = ['h.local', '192.168.1.57'];
    const moved = await source.current(T0 + DAY);
    expect(moved.certPem).not.toBe(first.certPem);
    expect(new X509Certificate(moved.certPem).checkIP('192.168.1.57')).toBeDefined();
  });

  it('says what is wrong with a certificate the salon supplies: expired, foreign key, other names', async () => {
    const ca = await createCertificateAuthority('salon', T0);
    const good = await issueServerCertificate(ca, ['glow.salon.example'], T0);
    expect(salonCertificateProblem(good, ['glow.salon.example', '10.0.0.2'], T0)).toBeNull();
    expect(salonCertificateProblem(good, ['glow.salon.example'], T0 + 400 * DAY)).toMatch(/expired on .*Renew it/);
    expect(salonCertificateProblem({ certPem: good.certPem, keyPem: ca.keyPem }, ['glow.salon.example'], T0)).toMatch(/does not belong/);
    expect(salonCertificateProblem(good, ['other-hub.local'], T0)).toMatch(/not issued for any name this hub answers to/);
    expect(salonCertificateProblem({ certPem: 'nonsense', keyPem: good.keyPem }, ['x'], T0)).toMatch(/not a PEM certificate/);
    expect(spkiHash(good.certPem)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });
});
