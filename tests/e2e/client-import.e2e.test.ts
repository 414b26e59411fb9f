import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { wcagViolations } from '../support/axe.ts';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { startHub, workingHoursZone, type TestHub } from '../support/hub-harness.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * The manager brings the salon's client list (#13): a GB18030 CSV saved by Chinese Excel is read on the tablet, its
 * columns guessed from the Chinese headers, previewed, checked by the hub (the refused rows listed and downloadable),
 * and imported at once; the catalogue and staff lists download as CSV and Excel. Screens in English and Chinese.
 */
const FIXTURE = new URL('../fixtures/client-import/clients-gb18030.csv', import.meta.url).pathname;

describe('client import on the manager’s tablet', () => {
  let t: TestHub;
  let browser: Browser;
  let boss: Page;
  const clientCount = () => Object.keys(t.hub.core.engine.state.clients).length;

  beforeAll(async () => {
    t = await startHub({ staticDirs: true, timeZone: workingHoursZone() });
    browser = await launchBrowser();
    boss = await newPage(browser, TABLET);
    await pairAndSignIn(boss, t, 'olivia', '9999', 'Manager tablet');
    await boss.getByTestId('board').waitFor();
    await boss.getByTestId('catalogue-open').click();
    await boss.getByTestId('catalogue-nav-import').click();
    await boss.getByTestId('client-import').waitFor();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const shootBoth = async (name: string) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      await boss.getByTestId(`lang-${lang}`).click();
      await boss.waitForFunction((l) => document.documentElement.lang === l, lang);
      await shoot(boss, `client-import-${name}-${lang}`);
      // WCAG 2 AA (contrast, names, labels) in both languages.
      expect(await wcagViolations(boss, '[data-testid="catalogue-screen"]'), `${name}-${lang}`).toEqual([]);
    }
  };

  it('maps the Chinese headers, previews, reports the refused rows and imports every accepted one', async () => {
    const before = clientCount();
    await boss.getByTestId('import-file').setInputFiles(FIXTURE);
    await boss.getByTestId('import-preview').waitFor();
    expect(await boss.getByTestId('import-map-firstName').inputValue()).toBe('0');
    expect(await boss.getByTestId('import-map-phone').inputValue()).toBe('1');
    expect(await boss.getByTestId('import-map-birthday').inputValue()).toBe('2');
    expect(await boss.getByTestId('import-map-lastName').inputValue()).toBe('');
    await expect.poll(() => boss.getByTestId('import-preview').locator('tbody tr').first().innerText()).toContain('王芳');
    await shootBoth('preview');

    await boss.getByTestId('import-check').click();
    await boss.getByTestId('import-summary').waitFor();
    expect(await boss.getByTestId('import-summary').innerText()).toContain('3');
    const refused = await boss.getByTestId('import-refused').locator('tbody tr').allInnerTexts();
    expect(refused).toHaveLength(4);
    expect(refused[0]).toMatch(/^4\s/);
    expect(refused[2]).toContain('line 2');
    expect(clientCount()).toBe(before); // checking adds nobody
    await shootBoth('report');

    const [download] = await Promise.all([boss.waitForEvent('download'), boss.getByTestId('import-download-refused').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.split('\n')).toHaveLength(5); // a header and the four refused rows
    expect(csv).toContain('张伟');

    await boss.getByTestId('import-add').click();
    await boss.getByTestId('import-done').waitFor();
    expect(clientCount()).toBe(before + 3);
    const names = Object.values(t.hub.core.engine.state.clients).map((c) => c.firstName);
    expect(names).toEqual(expect.arrayContaining(['王芳', '李娜', '孙丽']));
    await shootBoth('done');

    // The same file again: every number is a client's now, nothing to add.
    await boss.getByTestId('import-again').click();
    await boss.getByTestId('import-file').setInputFiles(FIXTURE);
    await boss.getByTestId('import-check').click();
    await boss.getByTestId('import-summary').waitFor();
    expect(await boss.getByTestId('import-add').count()).toBe(0);
    expect(clientCount()).toBe(before + 3);
  });

  it('reads an Excel file in the browser: 姓 and 名字 apart, a date cell as a date', async () => {
    await boss.getByTestId('import-file').setInputFiles(new URL('../fixtures/client-import/clients.xlsx', import.meta.url).pathname);
    await boss.getByTestId('import-preview').waitFor();
    expect(await boss.getByTestId('import-map-lastName').inputValue()).toBe('0');
    expect(await boss.getByTestId('import-map-firstName').inputValue()).toBe('1');
    const first = await boss.getByTestId('import-preview').locator('tbody tr').first().innerText();
    expect(first).toContain('芳');
    // The birthday as the salon writes dates (en-GB 12/03/1988, zh-CN 1988/03/12), not the file's ISO form.
    expect(first).toMatch(/12\/03\/1988|1988\/03\/12/);
    await boss.getByTestId('import-check').click();
    await boss.getByTestId('import-summary').waitFor();
    expect(await boss.getByTestId('import-refused').locator('tbody tr').count()).toBe(3);
  });

  it('says what is wrong with a file it cannot take', async () => {
    await boss.getByTestId('lang-en').click();
    await boss.getByTestId('import-file').setInputFiles({ name: 'clients.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('x') });
    expect(await boss.getByTestId('import-problem').innerText()).toContain('.csv or .xlsx');
    await boss.getByTestId('import-file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Phone\n') });
    expect(await boss.getByTestId('import-problem').innerText()).toContain('no rows');
  });

  it('exports the services as Excel and the staff as CSV, without leave or sick days', async () => {
    const [xlsx] = await Promise.all([boss.waitForEvent('download'), boss.getByTestId('export-services-xlsx').click()]);
    const sheet = await readSheet((await xlsx.path())!);
    expect(sheet[0]?.slice(0, 3)).toEqual(['id', 'name (en)', 'name (zh-CN)']);
    expect(sheet.length - 1).toBe(Object.keys(t.hub.core.engine.state.services).length);
    const [csv] = await Promise.all([boss.waitForEvent('download'), boss.getByTestId('export-staff-csv').click()]);
    const text = await readFile((await csv.path())!, 'utf8');
    expect(text.startsWith('\uFEFFid,name,role')).toBe(true);
    expect(text).toContain('Olivia');
    expect(text).not.toMatch(/sick|leave/i);
  });
});
