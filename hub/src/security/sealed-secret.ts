import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * A secret the hub must be able to use again (the salon's SMTP password), kept sealed: AES-256-GCM under a key
 * derived from the hub's key with a label of its own, a random 96-bit IV each time. The journal, the snapshots and
 * every reply hold only the sealed form (`v1.<iv>.<tag>.<ciphertext>`, base64url).
 *
 * What it protects against: the password read from a copied journal, a backup, a log line or a screen. What it does
 * not: someone holding the whole data directory (the hub's key is in its settings file, as the key of the aftercare
 * links is) — a hub that restarts unattended must be able to open it.
 */
const keyFor = (hubKey: string, label: string): Buffer => createHmac('sha256', hubKey).update(`sealed-secret\u0000${label}`).digest();

export function sealSecret(hubKey: string, label: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(hubKey, label), iv);
  const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
}

/** The secret, or null when it cannot be opened (another hub's key, a damaged value). */
export function openSecret(hubKey: string, label: string, sealed: string): string | null {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(hubKey, label), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
