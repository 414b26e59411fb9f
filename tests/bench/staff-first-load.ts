/**
 * What the staff tablet's sign-in screen loads (#14): a paired tablet opens /staff/ in Chromium and waits for the
 * staff tiles; every script, style and page it fetched from the hub is summed raw, gzipped and brotli-compressed as
 * the hub serves them (the build's precompressed .gz/.br files, which the hub sends to a browser that accepts them).
 * Run: npx tsx tests/bench/staff-first-load.ts (after `npm run build -w @glow/staff-tablet`).
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { launchBrowser, TABLET } from '../support/browser.ts';
import { REPO, startHub } from '../support/hub-harness.ts';
import { pairTablet } from '../support/pair-tablet.ts';

const size = async (file: string): Promise<number> => (await stat(file).catch(() => null))?.size ?? 0;

const t = await startHub({ staticDirs: true });
const browser = await launchBrowser();
try {
  const { code } = await t.hub.createPairingCode();
  const device = await pairTablet(t.url, code, 'Bench tablet');
  const context = await browser.newContext({ viewport: TABLET });
  const page = await context.newPage();
  await page.addInitScript((value) => localStorage.setItem('glow.staff.device', value), JSON.stringify(device));
  const fetched = new Set<string>();
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (url.origin === t.url && url.pathname.startsWith('/staff/') && !url.pathname.startsWith('/staff/api')) fetched.add(url.pathname);
  });
  await page.goto(`${t.url}/staff/`);
  await page.getByTestId('staff-tile-olivia').waitFor({ state: 'visible' });
  // Nothing more may arrive once the screen is there: wait for the network to be quiet.
  await page.waitForLoadState('networkidle');
  const build = join(REPO, 'staff-tablet/build');
  const rows = await Promise.all(
    [...fetched].map(async (path) => {
      const file = join(build, path.replace(/^\/staff\//, '') || 'index.html');
      const name = path.endsWith('/') ? join(file, 'index.html') : file;
      const raw = await size(name);
      // A file the build did not precompress (an icon) is served as it is.
      return { path, raw, gz: (await size(`${name}.gz`)) || raw, br: (await size(`${name}.br`)) || raw };
    }),
  );
  const kb = (n: number) => (n / 1024).toFixed(1);
  const total = (k: 'raw' | 'gz' | 'br') => rows.reduce((s, r) => s + r[k], 0);
  const js = rows.filter((r) => r.path.endsWith('.js'));
  console.log(JSON.stringify({ files: rows.length, js_files: js.length, raw_kb: kb(total('raw')), gz_kb: kb(total('gz')), br_kb: kb(total('br')),
    js_br_kb: kb(js.reduce((s, r) => s + r.br, 0)), largest: rows.sort((a, b) => b.raw - a.raw).slice(0, 4).map((r) => `${r.path} ${kb(r.raw)} KB raw / ${kb(r.br)} KB br`) }, null, 1));
} finally {
  await browser.close();
  await t.stop();
}
