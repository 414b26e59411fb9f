import { afterEach, describe, expect, it } from 'vitest';
import { connectKiosk, expectOk, send, startHub, type KioskSocket, type TestHub } from '../support/hub-harness.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

/** Monday 23 November 2026, 09:30 in the salon (UTC here). */
const MONDAY_0930 = Date.UTC(2026, 10, 23, 9, 30);

let h: TestHub | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

/** "I have been here before" with a phone number: the kiosk's identity attempt the limit counts. */
const returning = (kiosk: KioskSocket, phone: string) =>
  send(kiosk, 'visit:checkIn', kioskCheckIn({ returning: { phone }, serviceId: 'nails-gel', language: 'en', sameAsLast: false }));

describe('the kiosk identity limit is a hub option (createHub kioskLookupLimit)', () => {
  it('a raised limit lets one kiosk make more phone check-ins than the default six, and still refuses past it', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000, kioskLookupLimit: { max: 9, windowMs: 60_000 } });
    const kiosk = await connectKiosk(h.url);
    for (let i = 0; i < 9; i++) expectOk(await returning(kiosk.socket, `1390013900${i}`));
    const refused = await returning(kiosk.socket, '13900139019');
    expect(refused.ok ? null : refused.error.code).toBe('rate_limited');
  });

  it('a lowered limit refuses sooner than the default; registrations are not identity attempts', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000, kioskLookupLimit: { max: 2, windowMs: 60_000 } });
    const kiosk = await connectKiosk(h.url);
    expectOk(await returning(kiosk.socket, '13900139000'));
    expectOk(await returning(kiosk.socket, '13900139001'));
    const refused = await returning(kiosk.socket, '13900139002');
    expect(refused.ok ? null : refused.error.code).toBe('rate_limited');
    expectOk(await send(kiosk.socket, 'visit:checkIn', kioskCheckIn({ client: { firstName: 'Ann', phone: '13900139003' }, serviceId: 'nails-gel', language: 'en' })));
  });
});
