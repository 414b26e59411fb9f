import { createHash, createHmac, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (pw: string, salt: string, len: number) => Promise<Buffer>;

/** 256 random bits, URL-safe: aftercare links, device secrets. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** Record ids: 96 random bits, short enough for URLs and logs. */
export const randomId = (): string => randomBytes(12).toString('base64url');

/** A 6-digit one-time pairing code. */
export const randomPairingCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Secrets and tokens are stored only as their SHA-256 (they are long and random, so no salt is needed). */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

export function equalHashes(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** PINs are short, so they get a salted, slow hash. */
export async function hashPin(pin: string, salt = randomBytes(16).toString('base64url')) {
  const hash = await scryptAsync(pin, salt, 32);
  return { pinHash: hash.toString('base64url'), salt };
}

export async function verifyPin(pin: string, credential: { pinHash: string; salt: string }): Promise<boolean> {
  const { pinHash } = await hashPin(pin, credential.salt);
  return equalHashes(pinHash, credential.pinHash);
}

/**
 * The token of a visit's aftercare link: 256 bits that only the hub's secret key and the closing command's id can
 * produce. A retried close (same commandId) gets the same link back without the token ever being stored; the hub
 * keeps only its SHA-256 (DESIGN §6).
 */
export const aftercareToken = (key: string, commandId: string): string =>
  createHmac('sha256', key).update(`aftercare-link\u0000${commandId}`).digest('base64url');

/**
 * The one-time pairing code a manager's tablet asks for: six digits only the hub's key, the asking tablet and the
 * command's id produce. A retried command gets the same code back, while the hub keeps only the code's hash — the
 * code is never in the command log or the journal. (A different tablet reusing the id is refused by the engine.)
 */
export function pairingCodeFor(key: string, sender: string, commandId: string): string {
  const mac = createHmac('sha256', key).update(`pairing-code\u0000${sender}\u0000${commandId}`).digest();
  // 2^32 is not a multiple of a million: the first codes are a hair likelier (by one part in 4,000), which is harmless.
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/**
 * The first-start set-up code (#13): ten digits only the hub's key produces, so the start-up banner can print it on
 * every start until the set-up is done while no file, log line or journal entry holds it. It opens nothing once the
 * salon is set up.
 */
export function setupCodeFor(key: string): string {
  const mac = createHmac('sha256', key).update('setup-code').digest();
  // 40 bits modulo 10^10: the first codes are a hair likelier (by one part in 100), which is harmless.
  return String(mac.readUIntBE(0, 5) % 10_000_000_000).padStart(10, '0');
}
