import { afterEach, describe, expect, it } from 'vitest';
import { connectKiosk, expectOk, send, startHub, type TestHub } from '../support/hub-harness.ts';

/** Monday 23 November 2026, 09:30 in the salon (UTC here). */
const MONDAY_0930 = Date.UTC(2026, 10, 23, 9, 30);

let h: TestHub | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

describe('the kiosk look-up limit is a hub option (createHub kioskLookupLimit)', () => {
  it('a raised limit lets one address make more look-ups than the default six, and still refuses past it', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000, kioskLookupLimit: { max: 9, windowMs: 60_000 } });
    const kiosk = await connectKiosk(h.url);
    for (let i = 0; i < 9; i++) expectOk(await send(kiosk.socket, 'client:lookup', { phone: `1390013900${i}` }));
    const refused = await send(kiosk.socket, 'client:lookup', { phone: '13900139019' });
    expect(refused.ok ? null : refused.error.code).toBe('rate_limited');
  });

  it('a lowered limit refuses sooner than the default', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000, kioskLookupLimit: { max: 2, windowMs: 60_000 } });
    const kiosk = await connectKiosk(h.url);
    expectOk(await send(kiosk.socket, 'client:lookup', { phone: '13900139000' }));
    expectOk(await send(kiosk.socket, 'client:lookup', { phone: '13900139001' }));
    const refused = await send(kiosk.socket, 'client:lookup', { phone: '13900139002' });
    expect(refused.ok ? null : refused.error.code).toBe('rate_limited');
  });
});
