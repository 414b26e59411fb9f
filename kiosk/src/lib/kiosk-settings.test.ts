import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings } from './kiosk-settings.ts';

describe('readSettings', () => {
  it('uses the defaults without parameters', () => {
    expect(readSettings('')).toEqual(DEFAULT_SETTINGS);
  });

  it('takes the idle time from ?idle= (seconds), within 5 s to 10 min; the ticket never outlasts it', () => {
    expect(readSettings('?idle=30')).toEqual({ idleS: 30, ticketS: 20 });
    expect(readSettings('?idle=8')).toEqual({ idleS: 8, ticketS: 8 });
    expect(readSettings('?idle=1')).toEqual({ idleS: 5, ticketS: 5 });
    expect(readSettings('?idle=99999')).toEqual({ idleS: 600, ticketS: 20 });
    expect(readSettings('?idle=abc')).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('?idle=30&ticket=12')).toEqual({ idleS: 30, ticketS: 12 });
  });
});
