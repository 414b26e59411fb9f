// Finds a Chromium or Chrome to drive: CHROME_PATH, Debian's chromium, or a system Chrome. Plain JS so that the
// test launcher can use it before anything is compiled.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const INSTALL_HINT = [
  'The browser tests need Chromium or Google Chrome, and none was found.',
  '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
  '  macOS:          install Google Chrome, or: brew install --cask chromium',
  '  Anywhere:       set CHROME_PATH=/path/to/chrome-or-chromium',
].join('\n');

/** Flags for a headless Chromium in a sandboxed CI with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
