import { describe, expect, it } from 'vitest';
import { codeFromHash, pairingLink } from './pairing-link.ts';

describe('pairing link', () => {
  it('carries the code in the fragment, and the pairing screen reads it back', () => {
    const link = pairingLink('https://glow.local:8443', '012345');
    expect(link).toBe('https://glow.local:8443/staff/#pair=012345');
    expect(codeFromHash(new URL(link).hash)).toBe('012345');
  });

  it('ignores anything else in the fragment', () => {
    for (const hash of ['', '#', '#pair=12345', '#pair=1234567', '#pair=abcdef', '#other=123456', '#pair=123456&x=1']) {
      expect(codeFromHash(hash), hash).toBeNull();
    }
  });
});
