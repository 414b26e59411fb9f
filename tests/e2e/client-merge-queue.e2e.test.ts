import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Booking, OutboxMessage } from '@glow/shared';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import { wcagViolations } from '../support/axe.ts';
import { newPage, shoot, TABLET } from '../support/browser.ts';
import { clientRecordSalon } from '../support/client-record-salon.ts';
import { openDeskTablet, type DeskTablet } from '../support/desk-tablet.ts';
import { connectStaff, expectOk, send, type StaffSocket, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

const DAY = 86_400_000;

/** The record tests' salon, with a booking of Zoë's in two days and a message to her waiting (held till then). */
async function salon(now: number, timeZone: string): Promise<HubState> {
  const state = await clientRecordSalon(now, timeZone);
  const startsAt = now + 2 * DAY;
  const booking: Booking = {
    id: 'bk-zoe',
    clientId: 'c-zoe',
    serviceId: 'facial-classic',
    staffId: 'anna',
    anyStaff: false,
    roomId: null,
    startsAt,
    endsAt: startsAt + 3_600_000,
    state: 'booked',
    holdExpiresAt: null,
    source: 'phone',
    visitId: null,
    createdAt: now - DAY,
    cancelledAt: null,
    reminder: { dueAt: startsAt - DAY, doneAt: null, doneBy: null },
  };
  state.bookings[booking.id] = booking;
  const message: OutboxMessage = {
    id: 'ms-zoe',
    clientId: 'c-zoe',
    purpose: 'service',
    kind: 'booking_eve',
    language: 'en',
    subject: 'Your booking the day after tomorrow',
    body: 'Hello Zoë, see you soon.',
    dedupeKey: 'eve:bk-zoe',
    notBefore: now + DAY,
    createdAt: now - 60_000,
    state: 'queued',
    attempts: 0,
    nextAttemptAt: now + DAY,
    channel: null,
    to: null,
    lastError: null,
    sentAt: null,
    settledAt: null,
    reduced: false,
  };
  state.outbox[message.id] = message;
  state.outbox['ms-zoe2'] = { ...message, id: 'ms-zoe2', kind: 'birthday', dedupeKey: 'birthday:c-zoe', subject: 'Happy birthday' };
  return state;
}

/**
 * The merge the front desk proposes reaches the manager (#16): the desk proposes on the record (which then says it is
 * pending), the manager's board shows a count of merges to confirm, and the queue shows both records side by side —
 * name, phone, birthday, visits, last visit, consents — to decline (a reason is required, in words) or merge. An open
 * record follows a booking cancelled on another tablet; the Messages screen follows a message dropped elsewhere at
 * once. Dates read in the salon's format. Screens at 1280x800 in English and Chinese.
 */
describe('merge proposals and live records on the tablets', () => {
  let tablet: DeskTablet | undefined;
  let t: TestHub;
  let desk: Page;
  let boss: Page;
  let bossSocket: StaffSocket;
  let deskSocket: StaffSocket;
  const state = () => t.hub.core.engine.state;

  beforeAll(async () => {
    tablet = await openDeskTablet(salon);
    ({ t, desk } = tablet);
    boss = await newPage(tablet.browser, TABLET);
    await pairAndSignIn(boss, t, 'olivia', '9999', 'Manager tablet');
    bossSocket = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    deskSocket = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
  }, 90_000);
  afterAll(() => tablet?.close());

  it('the desk proposes a merge on the record, which then shows it pending; the birthday reads as a date', async () => {
    await desk.getByTestId('clients-open').click();
    await desk.getByTestId('clients-search').pressSequentially('wml', { delay: 40 });
    await desk.getByTestId('client-hit-c-wang').click();
    await desk.getByTestId('client-record').waitFor();
    expect(await desk.getByTestId('client-birthday').textContent()).toBe('12 March 1988');
    await desk.getByTestId('client-merge').click();
    await desk.getByTestId('client-merge-search').fill('13700137000');
    await desk.getByTestId('client-merge-search').press('Enter');
    await desk.getByTestId('client-merge-pick-c-wang2').click();
    await desk.getByTestId('client-merge-confirm').click();
    await desk.getByTestId('client-merge-dialog').getByRole('status').waitFor();
    await desk.getByTestId('client-merge-dialog').getByRole('button', { name: 'Cancel' }).click();
    await desk.getByTestId('client-pending-merge').waitFor({ timeout: 5000 });
    expect(await desk.getByTestId('client-pending-merge').textContent()).toContain('waiting for the manager');
    expect(await wcagViolations(desk, '[data-testid="client-record"]')).toEqual([]);
    await shoot(desk, 'client-record-pending-merge-en');
  });

  it("shows the manager a count on the board and the two records side by side; a decline needs a reason and is logged", async () => {
    await boss.getByTestId('merge-queue-strip').waitFor({ timeout: 5000 });
    expect(await boss.getByTestId('merge-queue-open').textContent()).toContain('Merges to confirm (1)');
    await shoot(boss, 'merge-queue-board-en');
    await boss.getByTestId('merge-queue-open').click();
    await boss.getByTestId('merge-keep-visits').getByText('2').waitFor();
    expect(await boss.getByTestId('merge-other-visits').textContent()).toContain('1');
    expect(await boss.getByTestId('merge-keep-birthday').textContent()).toContain('12 March 1988');
    expect(await boss.getByTestId('merge-other-birthday').textContent()).toContain('Not given');
    expect(await boss.getByTestId('merge-other-consents').textContent()).toContain('Marketing v2: no');
    expect(await boss.getByTestId('merge-keep-lastVisit').textContent()).toMatch(/\d{4}/);
    expect(await wcagViolations(boss, '[data-testid="merge-queue"]')).toEqual([]);
    expect(await wcagViolations(boss, '[data-testid="merge-queue-strip"]')).toEqual([]);
    await shoot(boss, 'merge-queue-en');
    // The language is switched on the board (the dialog covers the bar), then the queue opened again.
    await boss.getByTestId('merge-queue-close').click();
    await boss.getByTestId('lang-zh-CN').click();
    await boss.getByTestId('merge-queue-open').getByText('待确认的合并（1）').waitFor();
    await shoot(boss, 'merge-queue-board-zh-CN');
    await boss.getByTestId('merge-queue-open').click();
    await boss.getByTestId('merge-queue').getByText('保留的档案').waitFor();
    await boss.getByTestId('merge-keep-visits').getByText('2').waitFor();
    expect(await boss.getByTestId('merge-keep-birthday').textContent()).toContain('1988年3月12日');
    await shoot(boss, 'merge-queue-zh-CN');
    await boss.getByTestId('merge-decline').click();
    await boss.getByTestId('merge-decline-send').click();
    const refusal = boss.getByTestId('merge-queue').getByTestId('command-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('不是同一个人');
    await shoot(boss, 'merge-queue-decline-refused-zh-CN');
    await boss.getByTestId('merge-decline-reason').fill('同名，不是同一个人');
    await boss.getByTestId('merge-decline-send').click();
    await boss.getByTestId('merge-queue-none').waitFor();
    expect(Object.values(state().clientChanges).find((c) => c.kind === 'merge_declined')).toMatchObject({ reason: '同名，不是同一个人', by: 'olivia' });
    await boss.getByTestId('merge-queue-close').click();
    await boss.getByTestId('merge-queue-strip').waitFor({ state: 'detached' });
    await boss.getByTestId('lang-en').click();
    // The desk's open record no longer says pending, and its log says why.
    await desk.getByTestId('client-pending-merge').waitFor({ state: 'detached', timeout: 5000 });
    expect(await desk.getByTestId('client-changes').textContent()).toContain('同名，不是同一个人');
  });

  it('the manager confirms a merge proposed again; the desk’s open record gathers both at once', async () => {
    expectOk(await send(deskSocket, 'clients:proposeMerge', { keepId: 'c-wang', mergeId: 'c-wang2' }));
    await boss.getByTestId('merge-queue-open').click();
    await boss.getByTestId('merge-other-visits').getByText('1').waitFor();
    await boss.getByTestId('merge-confirm').click();
    await boss.getByTestId('merge-queue-notice').waitFor();
    await boss.getByTestId('merge-queue-none').waitFor();
    expect(state().clients['c-wang2']!.mergedInto).toBe('c-wang');
    await desk.getByTestId('client-visit-v-wang2').waitFor({ timeout: 5000 });
    expect(await desk.getByTestId('client-visits').locator('li.visit').count()).toBe(3);
    // The hits beside it are asked again: the merged record is no longer a client of its own.
    await desk.getByTestId('client-hit-c-wang2').waitFor({ state: 'detached', timeout: 5000 });
    expect(await desk.getByTestId('client-details').textContent()).toContain('Merged here: 王美丽');
    await shoot(desk, 'client-record-merged-en');
    await boss.getByTestId('merge-queue-close').click();
  });

  it('an open record follows a booking cancelled on another tablet, in the salon’s dates', async () => {
    await desk.getByTestId('clients-search').fill('');
    await desk.getByTestId('clients-search').pressSequentially('zoe', { delay: 40 });
    await desk.getByTestId('client-hit-c-zoe').click();
    await desk.getByTestId('client-booking-bk-zoe').waitFor();
    expect(await desk.getByTestId('client-booking-cancel-bk-zoe').count()).toBe(1);
    expectOk(await send(deskSocket, 'desk:cancel', { bookingId: 'bk-zoe', reason: 'Called to cancel' }));
    // Read again on its own: the booking leaves the upcoming list and is listed as cancelled.
    await desk.getByTestId('client-booking-bk-zoe').waitFor({ state: 'detached', timeout: 5000 });
    expect(await desk.getByTestId('client-bookings').textContent()).toContain('cancelled');
    // A message to her dropped on the manager's tablet: the desk's open record says so at once (messages are in no
    // view of the desk's; only the hub's recordChanges tells the record to read itself again).
    const birthday = desk.getByTestId('client-message').filter({ hasText: 'Birthday' });
    expect(await birthday.textContent()).toContain('Waiting');
    expectOk(await send(bossSocket, 'outbox:cancel', { messageId: 'ms-zoe2' }));
    await birthday.getByText('Dropped').waitFor({ timeout: 5000 });
    await desk.getByTestId('client-bookings').scrollIntoViewIfNeeded();
    await shoot(desk, 'client-record-live-booking-en');
    await desk.getByTestId('lang-zh-CN').click();
    await desk.getByTestId('client-bookings').getByText('已取消').waitFor();
    expect(await desk.getByTestId('client-message').filter({ hasText: '生日' }).textContent()).toContain('已取消');
    await desk.getByTestId('client-bookings').scrollIntoViewIfNeeded();
    await shoot(desk, 'client-record-live-booking-zh-CN');
    await desk.getByTestId('lang-en').click();
  });

  it('the Messages screen shows a message dropped elsewhere at once, without polling', async () => {
    await boss.getByTestId('outbox-open').click();
    const row = boss.getByTestId('outbox-message').filter({ hasText: 'Your booking the day after tomorrow' });
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('queued');
    expectOk(await send(bossSocket, 'outbox:cancel', { messageId: 'ms-zoe' }));
    // Far sooner than the 15 s the screen used to poll at.
    await boss.locator('[data-testid="outbox-message"][data-state="cancelled"]', { hasText: 'Your booking the day after tomorrow' }).waitFor({ timeout: 3000 });
    expect(await boss.locator('[data-testid="outbox-message"][data-state="queued"]').count()).toBe(0);
    // Both messages to Zoë now dropped (the birthday one by the test before), counted live.
    expect(await boss.getByTestId('outbox-filter-cancelled').textContent()).toContain('2');
    await shoot(boss, 'outbox-live-en');
    await boss.getByTestId('lang-zh-CN').click();
    await boss.getByTestId('outbox-filter-cancelled').getByText('已取消').or(boss.getByTestId('outbox-filter-cancelled')).first().waitFor();
    await shoot(boss, 'outbox-live-zh-CN');
    await boss.getByTestId('lang-en').click();
  });
});
