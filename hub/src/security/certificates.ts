import { X509Certificate as NodeX509, createHash, createPrivateKey, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * @peculiar/x509, loaded the first time a certificate is made (at the first start, then once a year): loading it and
 * its ASN.1 schemas cost ~70–100 ms of every cold start (#15, profiled) although a start with certificates on disk
 * only reads them, with Node's own X509Certificate. It resolves its ASN.1 parsers through tsyringe, which needs the
 * Reflect metadata polyfill loaded first.
 */
let x509Module: Promise<typeof import('@peculiar/x509')> | null = null;
function loadX509(): Promise<typeof import('@peculiar/x509')> {
  x509Module ??= import('reflect-metadata').then(async () => {
    const x509 = await import('@peculiar/x509');
    x509.cryptoProvider.set(crypto);
    return x509;
  });
  return x509Module;
}

/**
 * The hub's own certificate authority and the server certificate it issues itself (#14: HTTPS on a salon network
 * with no internet). Pure apart from key generation: the clock is a parameter and nothing here touches the disk
 * (store/certificate-files.ts keeps them). Built with @peculiar/x509 on Node's WebCrypto: ECDSA P-256 keys are
 * made in milliseconds, and every browser and tablet accepts them. Reading certificates uses Node's own X509Certificate.
 */

export type PemPair = { certPem: string; keyPem: string };

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;
/** The CA lives long: every tablet trusts it once, by hand. */
export const CA_VALID_DAYS = 3650;
/** Apple refuses server certificates valid for more than 825 days; a year keeps well inside every platform's rule. */
export const SERVER_VALID_DAYS = 365;
/** Renewed this long before it expires, so that a hub that is rarely restarted never serves an expired one. */
export const RENEW_BEFORE_DAYS = 30;

const crypto = webcrypto as unknown as Crypto;

/** A new certificate authority for this hub (its name says which hub, for the tablet's certificate list). */
export async function createCertificateAuthority(hubName: string, now: number): Promise<PemPair> {
  const x509 = await loadX509();
  const keys = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: `CN=Glow hub ${escapeDn(hubName)} local CA, O=Glow`,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + CA_VALID_DAYS * DAY_MS),
    signingAlgorithm: ALGORITHM,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await privateKeyPem(keys.privateKey) };
}

/** A server certificate for every name and IP address the hub answers on, signed by the hub's CA. */
export async function issueServerCertificate(ca: PemPair, subjects: readonly string[], now: number): Promise<PemPair> {
  const x509 = await loadX509();
  const caCert = new x509.X509Certificate(ca.certPem);
  const caKey = await crypto.subtle.importKey('pkcs8', x509.PemConverter.decodeFirst(ca.keyPem), ALGORITHM, false, ['sign']);
  const keys = await crypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']);
  const unique = [...new Set(subjects.map((s) => s.toLowerCase()))];
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: `CN=${escapeDn(unique.find((s) => isIP(s) === 0) ?? unique[0] ?? 'localhost')}`,
    issuer: caCert.subject,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + SERVER_VALID_DAYS * DAY_MS),
    signingAlgorithm: ALGORITHM,
    publicKey: keys.publicKey,
    signingKey: caKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(unique.map((s) => (isIP(s) ? { type: 'ip' as const, value: s } : { type: 'dns' as const, value: s }))),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await privateKeyPem(keys.privateKey) };
}

/**
 * Why a server certificate must be issued again, or null when it is good: close to its end (RENEW_BEFORE_DAYS), not
 * signed by this CA (the CA was made anew), or missing a name or address the hub now answers on (a new LAN address).
 */
export function renewalReason(server: PemPair, caCertPem: string, subjects: readonly string[], now: number): string | null {
  const cert = new NodeX509(server.certPem);
  if (Date.parse(cert.validTo) - now < RENEW_BEFORE_DAYS * DAY_MS) return 'expires soon';
  if (!cert.verify(new NodeX509(caCertPem).publicKey)) return 'signed by another CA';
  const missing = subjects.filter((s) => !covers(cert, s));
  return missing.length > 0 ? `does not cover ${missing.join(', ')}` : null;
}

/**
 * What is wrong with a certificate the salon supplies, in words that say what to do, or null when it can be used:
 * not valid yet or expired, a key that does not belong to it, or not issued for any name the hub answers to.
 */
export function salonCertificateProblem(pair: PemPair, subjects: readonly string[], now: number): string | null {
  let cert: NodeX509;
  try {
    cert = new NodeX509(pair.certPem);
  } catch {
    return 'The certificate file is not a PEM certificate. Give the path of the certificate (PEM, "-----BEGIN CERTIFICATE-----").';
  }
  if (now < Date.parse(cert.validFrom)) return `The certificate is not valid before ${cert.validFrom}. Check the hub's clock, or use another certificate.`;
  if (now > Date.parse(cert.validTo)) return `The certificate expired on ${cert.validTo}. Renew it with whoever issued it, or remove GLOW_TLS_CERT and GLOW_TLS_KEY to let the hub use its own.`;
  try {
    if (!cert.checkPrivateKey(createPrivateKey(pair.keyPem))) return 'The key file does not belong to the certificate. Give the key that was made with this certificate.';
  } catch {
    return 'The key file is not a PEM private key. Give the path of the certificate\'s private key (PEM).';
  }
  if (!subjects.some((s) => covers(cert, s))) {
    return `The certificate is not issued for any name this hub answers to (${subjects.join(', ')}). Use a certificate for the hub's name, or add its name to GLOW_HOST_NAMES.`;
  }
  return null;
}

/** The SHA-256 fingerprint as tablets show it (AA:BB:…), to check the right certificate was installed. */
export const fingerprint = (certPem: string): string => new NodeX509(certPem).fingerprint256;

/** When a certificate stops being valid (ms since the epoch). */
export const expiresAt = (certPem: string): number => Date.parse(new NodeX509(certPem).validTo);

/** base64 SHA-256 of the certificate's public key (SPKI): what Chromium's --ignore-certificate-errors-spki-list takes. */
export function spkiHash(certPem: string): string {
  const spki = new NodeX509(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

const covers = (cert: NodeX509, subject: string) =>
  isIP(subject) ? cert.checkIP(subject) !== undefined : cert.checkHost(subject, { wildcards: true }) !== undefined;

async function privateKeyPem(key: CryptoKey): Promise<string> {
  return (await loadX509()).PemConverter.encode(await crypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');
}

/** 16 random bytes, first bit clear so that the DER integer stays positive. */
function randomSerial(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

const escapeDn = (value: string) => value.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`);
