import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shoot } from '../support/browser.ts';
import { clientRecordSalon } from '../support/client-record-salon.ts';
import { openDeskTablet, type DeskTablet } from '../support/desk-tablet.ts';
import { connectStaff, expectOk, send, type TestHub } from '../support/hub-harness.ts';

/**
 * The client's record on the front desk's tablet (#16): the desk types "wml", 王美丽 comes up as she types, her record
 * opens with five years of visits (the contraindication said to be on file, never what), and her birthday is
 * corrected — an impossible date refused under its field first, in English and in Chinese. Screens at 1280x800.
 */
describe('client record on the tablet', () => {
  let tablet: DeskTablet | undefined;
  let t: TestHub;
  let desk: Page;
  const state = () => t.hub.core.engine.state;

  beforeAll(async () => {
    tablet = await openDeskTablet(clientRecordSalon);
    ({ t, desk } = tablet);
  }, 60_000);
  afterAll(() => tablet?.close());

  it('finds 王美丽 by "wml" as the desk types and opens her record with five years of visits', async () => {
    await desk.getByTestId('clients-open').click();
    await desk.getByTestId('clients-search').pressSequentially('wml', { delay: 60 });
    await desk.getByTestId('client-hit-c-wang').waitFor();
    expect(await desk.getByTestId('clients-hits').locator('li').count()).toBe(2);
    await shoot(desk, 'client-search-en');
    await desk.getByTestId('client-hit-c-wang').click();
    await desk.getByTestId('client-record').waitFor();
    expect(await desk.getByTestId('client-record-name').textContent()).toContain('王美丽');
    await desk.getByTestId('client-visit-v-old').waitFor();
    expect(await desk.getByTestId('client-visits').locator('li.visit').count()).toBe(2);
    expect(await desk.getByTestId('client-health').textContent()).toContain('A contraindication is on file');
    expect(await desk.getByTestId('client-health').textContent()).not.toMatch(/sunburn/i);
    await shoot(desk, 'client-record-en');
  });

  it('refuses an impossible birthday under its field, then saves the corrected one, logged with who', async () => {
    await desk.getByTestId('client-edit').click();
    const birthday = desk.getByTestId('client-edit-birthday');
    await birthday.fill('1988-02-30');
    await desk.getByTestId('client-edit-save').click();
    await desk.getByTestId('client-edit-birthday-field').getByTestId('field-error').waitFor();
    expect(await desk.getByTestId('client-edit-birthday-field').getByTestId('field-error').textContent()).toContain('real date');
    await shoot(desk, 'client-edit-refused-en');
    await birthday.fill('1988-03-21');
    await desk.getByTestId('client-edit-save').click();
    await desk.getByTestId('client-saved').waitFor();
    // In the salon's format (en-GB), not as stored (1988-03-21).
    expect(await desk.getByTestId('client-birthday').textContent()).toBe('21 March 1988');
    expect(state().clients['c-wang']!.birthday).toBe('1988-03-21');
    expect(await desk.getByTestId('client-changes').textContent()).toContain('Grace');
  });

  it('records her e-mail and who referred her, picked by search; the record follows a change made on another tablet', async () => {
    await desk.getByTestId('client-edit').click();
    await desk.getByTestId('client-edit-email').fill('meili@example.cn');
    await desk.getByTestId('client-edit-referrer-search').pressSequentially('zoe', { delay: 40 });
    await desk.getByTestId('client-edit-referrer-hit-c-zoe').click();
    expect(await desk.getByTestId('client-edit-referrer').textContent()).toContain('Zoë');
    await shoot(desk, 'client-edit-referrer-en');
    await desk.getByTestId('client-edit-save').click();
    await desk.getByTestId('client-saved').waitFor();
    expect(await desk.getByTestId('client-referred-by').textContent()).toContain('Referred by Zoë Müller');
    expect(state().clients['c-wang']).toMatchObject({ referredBy: 'c-zoe', email: 'meili@example.cn' });
    // The manager corrects her notes on another tablet: the open record shows it without being opened again.
    const boss = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    expectOk(await send(boss, 'clients:edit', { clientId: 'c-wang', changes: { notes: 'Prefers the window room' } }));
    await desk.getByTestId('client-notes').getByText('Prefers the window room').waitFor({ timeout: 5000 });
    await shoot(desk, 'client-record-referral-en');
    await desk.getByTestId('client-referrals').scrollIntoViewIfNeeded();
    await shoot(desk, 'client-record-referrals-en');
    // Her referrer's record lists her among the clients she referred, and opens hers again.
    await desk.getByTestId('client-referred-by').getByRole('button').click();
    await desk.getByTestId('client-referred').getByText('王美丽').waitFor();
    expect(await desk.getByTestId('client-record-name').textContent()).toContain('Müller');
    await desk.getByTestId('client-referrals').scrollIntoViewIfNeeded();
    await shoot(desk, 'client-record-referred-en');
    await desk.getByTestId('client-referred').getByText('王美丽').click();
    await desk.getByTestId('client-referred-by').waitFor();
  });

  it('reads the same in Chinese', async () => {
    await desk.getByTestId('lang-zh-CN').click();
    await desk.getByTestId('client-health').getByText('档案中有禁忌记录').waitFor();
    await shoot(desk, 'client-record-zh-CN');
    expect(await desk.getByTestId('client-birthday').textContent()).toBe('1988年3月21日');
    expect(await desk.getByTestId('client-referred-by').textContent()).toContain('介绍人：Zoë Müller');
    await desk.getByTestId('client-referrals').scrollIntoViewIfNeeded();
    await shoot(desk, 'client-record-referrals-zh-CN');
    await desk.getByTestId('client-edit').click();
    await desk.getByTestId('client-edit-birthday').fill('2999-01-01');
    await desk.getByTestId('client-edit-save').click();
    const refusal = desk.getByTestId('client-edit-birthday-field').getByTestId('field-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/[\u4e00-\u9fff]/);
    await shoot(desk, 'client-edit-refused-zh-CN');
    expect(await desk.getByTestId('client-edit-referrer').textContent()).toContain('Zoë');
    expect(state().clients['c-wang']!.birthday).toBe('1988-03-21');
  });
});
