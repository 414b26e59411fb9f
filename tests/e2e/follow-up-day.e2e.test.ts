import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { wcagViolations } from '../support/axe.ts';
import { newPage, shoot, TABLET } from '../support/browser.ts';
import { openDeskTablet, type DeskTablet } from '../support/desk-tablet.ts';
import { followUpDaySalon } from '../support/follow-up-day.ts';
import { connectStaff, expectOk, send, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * A day of follow-up calls worked through on the front desk's tablet (#16): the list (overdue, due today, upcoming;
 * by beautician), each call with the client's last visit and the guide that asks "is now a good time?" first; Tom
 * reached, Wang not answering (tried again later), a call worked on another tablet leaving the list live, and Lina's
 * problem found in Chinese becoming a complaint on the board. Screens at 1280x800 in English and Chinese.
 */
describe('a day of follow-up calls on the tablet', () => {
  let tablet: DeskTablet | undefined;
  let t: TestHub;
  let browser: Browser;
  let desk: Page;
  const state = () => t.hub.core.engine.state;
  const section = (key: string) => desk.getByTestId(`followup-section-${key}`);
  const row = (id: string) => desk.getByTestId(`followup-task-${id}`);

  beforeAll(async () => {
    tablet = await openDeskTablet(followUpDaySalon);
    ({ t, browser, desk } = tablet);
  }, 60_000);
  afterAll(() => tablet?.close());

  it('lists the calls due today, overdue and upcoming, with their clients, for everyone or one beautician', async () => {
    await desk.getByTestId('followup-open').waitFor();
    expect(await desk.getByTestId('followup-open').textContent()).toContain('Follow-up calls (3)');
    await desk.getByTestId('followup-open').click();
    await section('today').waitFor();
    await row('t-lina').getByText('Lina Zhou').waitFor();
    expect(await section('overdue').textContent()).toContain('王美丽');
    expect(await section('today').locator('li').count()).toBe(2);
    expect(await section('upcoming').textContent()).toContain('Sara Lind');
    await shoot(desk, 'followup-list-en');

    await desk.getByTestId('followup-filter-anna').click();
    // Hers: today's call and Sara's birthday call in five days.
    expect(await desk.getByTestId('followup-list').locator('li').count()).toBe(2);
    await row('t-lina').waitFor();
    await row('t-sara-birthday').waitFor();
    await desk.getByTestId('followup-filter-desk').click();
    expect(await section('today').textContent()).toContain('Tom Baker');
    expect(await row('t-lina').count()).toBe(0);
    await desk.getByTestId('followup-filter-all').click();
  });

  it('a beautician between clients has her own calls only', async () => {
    const anna = await newPage(browser, TABLET);
    await pairAndSignIn(anna, t, 'anna', '2222', 'Room 1 tablet');
    await anna.getByTestId('idle').waitFor();
    expect(await anna.getByTestId('followup-open').textContent()).toContain('Follow-up calls (1)');
    await shoot(anna, 'followup-beautician-idle-en');
    await anna.getByTestId('followup-open').click();
    await anna.getByTestId('followup-task-t-lina').waitFor();
    expect(await anna.getByTestId('followup-list').locator('li').count()).toBe(2);
    expect(await anna.getByTestId('followup-section-today').locator('li').count()).toBe(1);
    await anna.close();
  });

  it('Tom: the guide asks first whether now is a good time; reached, with a note, logged', async () => {
    await row('t-tom').click();
    const detail = desk.getByTestId('followup-detail');
    await detail.getByText('Tom Baker', { exact: true }).waitFor();
    expect(await desk.getByTestId('followup-open-question').textContent()).toMatch(/^Hello Tom, this is Grace from .+\. Is now a good time for a few minutes\?$/);
    expect(await desk.getByTestId('followup-last-visit').textContent()).toContain('Mei Lin');
    await shoot(desk, 'followup-call-en');
    expect(await wcagViolations(desk, '[data-testid="followup-screen"]')).toEqual([]);
    await desk.getByTestId('followup-outcome-reached').click();
    await desk.getByTestId('followup-note').fill('All good, booked again next month');
    await desk.getByTestId('followup-save').click();
    await desk.getByTestId('followup-saved').waitFor();
    await section('finished').getByTestId('followup-task-t-tom').waitFor();
    expect(state().followUpTasks['t-tom']).toMatchObject({ state: 'done', attempts: [{ by: 'grace', outcome: 'reached', note: 'All good, booked again next month' }] });
    expect(await desk.getByTestId('followup-history').textContent()).toContain('Reached');
  });

  it('Wang: no answer is tried again later; her call made on another tablet leaves the list at once', async () => {
    await row('t-wang').click();
    await desk.getByTestId('followup-outcome-no_answer').click();
    await desk.getByTestId('followup-save').click();
    await desk.getByTestId('followup-saved').waitFor();
    const attempt = state().followUpTasks['t-wang']!.attempts.at(-1)!;
    expect(attempt).toMatchObject({ outcome: 'no_answer', by: 'grace' });
    expect(attempt.retryAt).toBeGreaterThan(Date.now());
    expect(state().followUpTasks['t-wang']!.state).toBe('open');
    expect(await row('t-wang').textContent()).toContain('Call again');
    expect(await section('overdue').count()).toBe(0);

    // Mei reaches her from her own tablet: the desk's list follows the hub.
    const mei = await connectStaff(t, { staffId: 'mei', pin: '1111' });
    expectOk(await send(mei.socket, 'followUp:record', { taskId: 't-wang', outcome: 'reached', note: '效果很好' }));
    await section('finished').getByTestId('followup-task-t-wang').waitFor();
    mei.socket.disconnect();
  });

  it('Lina, in Chinese: problem found opens a complaint with the call’s notes, and it shows on the board', async () => {
    await desk.getByTestId('lang-zh-CN').click();
    await section('today').waitFor();
    await shoot(desk, 'followup-list-zh-CN');
    await row('t-lina').click();
    await desk.getByTestId('followup-detail').getByText('Lina Zhou', { exact: true }).waitFor();
    expect(await desk.getByTestId('followup-open-question').textContent()).toContain('现在方便说几分钟吗？');
    expect(await desk.getByTestId('followup-last-visit').textContent()).toContain('Anna Park');
    await shoot(desk, 'followup-call-zh-CN');

    // A time already past is refused in words, and nothing is recorded.
    await desk.getByTestId('followup-outcome-call_back').click();
    await desk.getByTestId('followup-time').fill('00:00');
    await desk.getByTestId('followup-save').click();
    await desk.getByTestId('command-error').waitFor();
    expect(await desk.getByTestId('command-error').textContent()).toBe('再次回访的时间已经过去，请选择更晚的时间。');
    expect(state().followUpTasks['t-lina']!.attempts).toEqual([]);
    await desk.getByRole('button', { name: '返回' }).click();

    const note = '两颊发红发痒，从昨晚开始';
    await desk.getByTestId('followup-outcome-problem').click();
    await desk.getByTestId('followup-kind-reaction').click();
    await desk.getByTestId('followup-note').fill(note);
    await shoot(desk, 'followup-problem-zh-CN');
    expect(await wcagViolations(desk, '[data-testid="followup-screen"]')).toEqual([]);
    await desk.getByTestId('followup-save').click();
    await desk.getByTestId('followup-saved').waitFor();
    expect(await desk.getByTestId('followup-saved').textContent()).toContain('已为前台登记一条投诉');
    const complaintId = state().followUpTasks['t-lina']!.attempts.at(-1)!.complaintId!;
    expect(state().complaints[complaintId]).toMatchObject({ clientId: 'c-lina', visitId: 'v-lina', description: note, kind: 'reaction' });

    await desk.getByTestId('followup-back').click();
    const card = desk.getByTestId(`complaint-${complaintId}`);
    await card.waitFor();
    expect(await card.textContent()).toContain(note);
    await shoot(desk, 'followup-complaint-board-zh-CN');
  });
});
