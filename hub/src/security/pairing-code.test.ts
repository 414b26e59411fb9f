import { describe, expect, it } from 'vitest';
import { pairingCodeFor } from './secrets.ts';

describe('pairing code derived from the command', () => {
  const key = 'k'.repeat(43);
  it('is six digits, the same for a retry, and another for another tablet, command or key', () => {
    const code = pairingCodeFor(key, 'device:a', 'cmd-00000001');
    expect(code).toMatch(/^\d{6}$/);
    expect(pairingCodeFor(key, 'device:a', 'cmd-00000001')).toBe(code);
    const others = [
      pairingCodeFor(key, 'device:b', 'cmd-00000001'),
      pairingCodeFor(key, 'device:a', 'cmd-00000002'),
      pairingCodeFor('x'.repeat(43), 'device:a', 'cmd-00000001'),
    ];
    for (const other of others) expect(other).not.toBe(code);
  });
});
