import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { FollowUpTask } from '@glow/shared';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import { launchBrowser, newPage, TABLET } from '../support/browser.ts';
import { dayOf, followUpDaySalon } from '../support/follow-up-day.ts';
import { connectStaff, expectOk, send, startHub, workingHoursZone, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * What the follow-up screen asks the hub on a long list (#16 perf): the day of calls of follow-up-day.ts and 300 more
 * due today. The screen reads the clients' context of the rows on screen only, and after a call is worked elsewhere,
 * only that client's calls again — not every listed call (it did: 305 contexts on opening, and again on each outcome).
 * The tablet's outgoing socket frames are counted in the page.
 */
const BULK = 300;

async function longDay(now: number, timeZone: string): Promise<HubState> {
  const state = await followUpDaySalon(now, timeZone);
  const today = dayOf(now, timeZone);
  for (let i = 0; i < BULK; i++) {
    const id = `c-bulk-${String(i).padStart(3, '0')}`;
    state.clients[id] = { id, firstName: `Bulk${i}`, lastName: 'Client', phone: `+4477009${String(10_000 + i).slice(-5)}`, language: 'en', createdAt: now - 86_400_000, referredBy: null } as HubState['clients'][string];
    const task: FollowUpTask = {
      id: `t-bulk-${i}`, clientId: id, visitId: null, bookingId: null, productId: null, rule: 'day1', dueDate: today, assigneeId: null,
      dedupeKey: `day1:bulk-${i}`, state: 'open', createdAt: 0, attempts: [],
    };
    state.followUpTasks[task.id] = task;
  }
  return state;
}

/** The task ids of every followUp:context read the page has sent so far. */
const askedIds = async (page: Page): Promise<string[][]> =>
  page.evaluate(() => ((window as unknown as { __contextReads: string[][] }).__contextReads ?? []).map((ids) => [...ids]));

describe('the follow-up screen on a long list', () => {
  let t: TestHub;
  let browser: Browser;
  let desk: Page;

  beforeAll(async () => {
    const now = Date.now();
    const timeZone = workingHoursZone(now);
    t = await startHub({ staticDirs: true, timeZone, seed: () => longDay(now, timeZone) });
    browser = await launchBrowser();
    desk = await newPage(browser, TABLET);
    // Counts the context reads in the frames the tablet sends (socket.io text frames name the command).
    await desk.addInitScript(() => {
      const reads: string[][] = [];
      (window as unknown as { __contextReads: string[][] }).__contextReads = reads;
      const send = WebSocket.prototype.send;
      WebSocket.prototype.send = function (data) {
        if (typeof data === 'string' && data.includes('followUp:context')) {
          const ids = /"taskIds":\[([^\]]*)\]/.exec(data)?.[1] ?? '';
          reads.push(ids ? (JSON.parse(`[${ids}]`) as string[]) : []);
        }
        return send.call(this, data);
      };
    });
    await pairAndSignIn(desk, t, 'grace', '4444', 'Front desk tablet');
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('reads the contexts of the rows on screen, not of all 305 calls', async () => {
    await desk.getByTestId('followup-open').click();
    // Overdue first: Wang's row, at the top, gets her name.
    await desk.getByTestId('followup-task-t-wang').getByText('王美丽').waitFor();
    await desk.waitForTimeout(300);
    const asked = (await askedIds(desk)).flat();
    expect(asked).toContain('t-wang');
    expect(new Set(asked).size).toBeLessThan(30);
    // A row further down is read when scrolled to.
    const far = desk.getByTestId('followup-task-t-bulk-250');
    await far.scrollIntoViewIfNeeded();
    await far.getByText('Bulk250 Client').waitFor();
    expect((await askedIds(desk)).flat()).toContain('t-bulk-250');
  });

  it("after a call is worked on another tablet, reads again only that client's calls", async () => {
    // A call on screen, left open with no answer from another tablet.
    const row = desk.getByTestId('followup-task-t-bulk-0');
    await row.scrollIntoViewIfNeeded();
    await row.getByText('Bulk0 Client').waitFor();
    await desk.waitForTimeout(300);
    let before = (await askedIds(desk)).length;
    const other = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    expectOk(await send(other.socket, 'followUp:record', { taskId: 't-bulk-0', outcome: 'no_answer', note: '' }));
    await row.getByText('1 call so far').waitFor();
    await desk.waitForTimeout(500);
    // Its row moved (a retry time sorts it later): only the rows that came into view meanwhile are read, never the list.
    expect(new Set((await askedIds(desk)).slice(before).flat()).size).toBeLessThan(30);
    // Her call's context, stale since the outcome, is read again once it is on screen.
    await row.scrollIntoViewIfNeeded();
    await desk.waitForTimeout(500);
    expect((await askedIds(desk)).slice(before).flat()).toContain('t-bulk-0');

    // Wang's call, worked by Mei, leaves for the finished calls at the bottom, out of view: nothing else is read.
    before = (await askedIds(desk)).length;
    const mei = await connectStaff(t, { staffId: 'mei', pin: '1111' });
    expectOk(await send(mei.socket, 'followUp:record', { taskId: 't-wang', outcome: 'reached', note: '' }));
    mei.socket.disconnect();
    other.socket.disconnect();
    await desk.getByTestId('followup-section-finished').getByTestId('followup-task-t-wang').waitFor();
    await desk.waitForTimeout(500);
    expect((await askedIds(desk)).slice(before).flat().every((id) => id === 't-wang')).toBe(true);
  });
});
