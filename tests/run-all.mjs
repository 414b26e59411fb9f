#!/usr/bin/env node
// `npm test`: every check there is, in order — build the screens, typecheck, then unit, contract, crash, faults,
// security and end-to-end tests in one vitest run (every project of vitest.config.ts; the faults suite takes about
// 2 minutes and the security suite about 30 s on a 2-core machine). Ends with one line `N passed, N failed` (CI reads it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, INSTALL_HINT } from './support/chromium.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(repo, 'tests/artifacts');
mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;
const finish = () => {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
};

// A fresh clone: install first, so that `npm test` alone works.
if (!existsSync(join(repo, 'node_modules/.package-lock.json'))) {
  console.log('Installing dependencies (npm install)…');
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: repo, stdio: 'inherit' });
  if (install.status !== 0) {
    failed += 1;
    finish();
  }
}

const chrome = findChromium();
if (!chrome) {
  console.error(INSTALL_HINT);
  failed += 1;
  finish();
}
console.log(`Browser tests use ${chrome}`);

/** Runs one step; a failed step counts once and stops nothing but itself. */
function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const res = spawnSync(command, args, { cwd: repo, stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } });
  if (res.status === 0) passed += 1;
  else {
    failed += 1;
    console.error(`✗ ${name} failed`);
  }
  return res.status === 0;
}

const built = step('build the hub, the kiosk and the staff tablet', 'npm', ['run', 'build', '--silent']);
step('typecheck (tsc, svelte-check)', 'npm', ['run', 'typecheck', '--silent']);

if (!built) {
  console.error('The screens did not build, so the end-to-end and crash tests cannot run.');
  failed += 1;
  finish();
}

const report = join(artifacts, 'vitest.json');
console.log('\n▶ tests: unit, contract, crash, faults, security, end-to-end');
const res = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
  cwd: repo,
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chrome },
});
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A file that fails to load, or whose beforeAll fails, reports its tests as skipped, not failed: count such a
  // file as one failure so that it cannot hide.
  failed += json.testResults.filter(
    (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
  ).length;
} catch {
  failed += 1;
  console.error('vitest wrote no report');
}
if (res.status !== 0 && failed === 0) failed += 1;
finish();
