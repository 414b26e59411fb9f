import { describe, expect, it } from 'vitest';
import { deviceKind } from './001-device-kind.ts';

describe('migration 1: device kind', () => {
  it('makes devices and pairing codes without a kind tablets', () => {
    const out = deviceKind.up({
      devices: { d1: { id: 'd1', name: 'Front' } },
      pairingCodes: { h: { expiresAt: 5 } },
    });
    expect(out).toEqual({
      devices: { d1: { id: 'd1', name: 'Front', kind: 'tablet' } },
      pairingCodes: { h: { expiresAt: 5, kind: 'tablet' } },
    });
  });

  it('keeps a kiosk a kiosk', () => {
    const data = { devices: { k: { id: 'k', kind: 'kiosk' } }, pairingCodes: { h: { expiresAt: 5, kind: 'kiosk' } } };
    expect(deviceKind.up(data)).toBe(data);
  });
});
