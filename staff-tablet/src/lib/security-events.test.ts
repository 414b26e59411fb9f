import { salonFormat, type SecurityEvent, type StaffView } from '@glow/shared';
import { describe, expect, it } from 'vitest';
import { securityRows } from './security-events.ts';

// 23:30 in London on Monday 23 March 2026 is already Tuesday 07:30 in Shanghai: the list shows the salon's time.
const AT = Date.parse('2026-03-23T23:30:00Z');

const view = (timeZone: string): StaffView =>
  ({
    staff: { olivia: { id: 'olivia', name: 'Olivia' } },
    devices: { d1: { id: 'd1', name: 'Front desk' } },
    settings: { floor: { autoAssign: true, preferredWaitLimitMin: 20, timeZone } },
  }) as unknown as StaffView;

const event = (over: Partial<SecurityEvent>): SecurityEvent => ({
  kind: 'pin_failed',
  deviceId: null,
  staffId: null,
  address: null,
  detail: '',
  seq: 1,
  at: AT,
  count: 1,
  ...over,
});

describe('security rows', () => {
  it("names people and devices the board knows, keeps ids it does not, shows only readable details, and gives the time in the salon's zone", () => {
    const rows = securityRows(
      [
        event({ seq: 3, kind: 'origin_refused', detail: 'POST /api/devices/pair from http://evil.example' }),
        event({ seq: 2, kind: 'pin_locked', deviceId: 'd1', staffId: 'olivia', address: '10.0.0.7', count: 3, detail: '30s' }),
        event({ seq: 1, kind: 'device_revoked', deviceId: 'gone', staffId: 'someone' }),
      ],
      view('Asia/Shanghai'),
      salonFormat('en', { timeZone: 'Asia/Shanghai' }),
    );
    expect(rows[0]).toMatchObject({ key: 3, detail: 'POST /api/devices/pair from http://evil.example', who: '', device: '' });
    expect(rows[1]).toEqual({ key: 2, kind: 'pin_locked', when: 'Tue 24 Mar 07:30', who: 'Olivia', device: 'Front desk', address: '10.0.0.7', detail: '', count: 3 });
    expect(rows[2]).toMatchObject({ key: 1, who: 'someone', device: 'gone', address: '' });
    expect(securityRows([event({})], view('Europe/London'), salonFormat('en', { timeZone: 'Europe/London' }))[0]!.when).toBe('Mon 23 Mar 23:30');
  });
});
