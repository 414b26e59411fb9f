import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { wcagViolations } from '../support/axe.ts';
import { startHub, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * The manager's follow-up settings (#16) on the tablet at 1280×800, in English and Chinese: a wording with an
 * unknown placeholder is refused beside its box with the placeholders it may use, nothing saved; fixed, a rule
 * switched to messages and its day changed, it is saved on the hub.
 */
describe('follow-up settings on the manager’s tablet', () => {
  let t: TestHub;
  let browser: Browser;
  let boss: Page;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true });
    browser = await launchBrowser();
    boss = await newPage(browser, TABLET);
    await pairAndSignIn(boss, t, 'olivia', '9999', 'Manager tablet');
    await boss.getByTestId('board').waitFor();
    await boss.getByTestId('settings-open').click();
    await boss.getByTestId('settings-nav-followUps').click();
    await boss.getByTestId('settings-follow-ups').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows every rule with its purpose, channel, day and wording in English and Chinese', async () => {
    await shoot(boss, 'follow-up-settings-en');
    expect(await wcagViolations(boss, '[data-testid="settings-follow-ups"]')).toEqual([]);
    expect(await boss.getByTestId('follow-up-rule-day7').innerText()).toContain('Results, new needs, book the next treatment, ask for a referral.');
    await boss.getByTestId('lang-zh-CN').click();
    await expect.poll(() => boss.getByTestId('settings-nav-followUps').innerText()).toBe('回访与关怀');
    expect(await boss.getByTestId('follow-up-rule-birthday_card').innerText()).toContain('生日前几天');
    await shoot(boss, 'follow-up-settings-zh-CN');
    expect(await wcagViolations(boss, '[data-testid="settings-follow-ups"]')).toEqual([]);
    await boss.getByTestId('follow-up-holiday-mid_autumn').scrollIntoViewIfNeeded();
    await shoot(boss, 'follow-up-settings-holidays-zh-CN');
    await boss.getByTestId('lang-en').click();
  });

  it('refuses an unknown placeholder beside its box, saves nothing; fixed, saves the rule as changed', async () => {
    await boss.getByTestId('follow-up-day1-wording-en').fill('Hello {nmae}, how is your skin?');
    await boss.getByTestId('settings-follow-ups-save').click();
    await expect
      .poll(() => boss.getByTestId('field-error').first().innerText())
      .toBe('{nmae} is not a placeholder this wording can use. You can use: {name} {salon} {service} {date}.');
    expect(await boss.getByTestId('settings-follow-ups-problem').innerText()).toContain('Nothing was saved');
    await shoot(boss, 'follow-up-settings-unknown-placeholder-en');
    expect(t.hub.core.engine.state.meta.followUps).toBeUndefined();

    await boss.getByTestId('follow-up-day1-wording-en').fill('Hello {name}, how is your skin today?');
    await boss.getByTestId('follow-up-day3-message').click();
    await boss.getByTestId('follow-up-day7-days').fill('8');
    await boss.getByTestId('settings-follow-ups-save').click();
    await boss.getByTestId('settings-follow-ups-saved').waitFor();
    const saved = t.hub.core.engine.state.meta.followUps!;
    expect(saved.rules.day1.wording.en).toBe('Hello {name}, how is your skin today?');
    expect(saved.rules.day3.channel).toBe('message');
    expect(saved.rules.day7.days).toBe(8);
  });
});
