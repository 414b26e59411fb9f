import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './sealed-secret.ts';

const KEY = 'hub-key-'.repeat(6);

describe('sealed secrets', () => {
  it('opens what it sealed, and the sealed form holds no trace of the secret', () => {
    const sealed = sealSecret(KEY, 'smtp', 'pässwörd 密码');
    expect(sealed).not.toContain('pässwörd');
    expect(Buffer.from(sealed.split('.')[3]!, 'base64url').toString('utf8')).not.toContain('pässwörd');
    expect(openSecret(KEY, 'smtp', sealed)).toBe('pässwörd 密码');
  });

  it('seals the same secret differently each time', () => {
    expect(sealSecret(KEY, 'smtp', 'x')).not.toBe(sealSecret(KEY, 'smtp', 'x'));
  });

  it('does not open under another key or label, or once tampered with', () => {
    const sealed = sealSecret(KEY, 'smtp', 'secret');
    expect(openSecret('other-key-'.repeat(5), 'smtp', sealed)).toBeNull();
    expect(openSecret(KEY, 'webhook', sealed)).toBeNull();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('SECRET').toString('base64url');
    expect(openSecret(KEY, 'smtp', parts.join('.'))).toBeNull();
    expect(openSecret(KEY, 'smtp', 'garbage')).toBeNull();
  });
});
