/**
 * Starts the Glow hub. The only file that reads the environment and arguments, listens, and handles signals.
 *   PORT (8080)  HOST (0.0.0.0)  DATA_DIR (./data)  LOG_LEVEL (info)   --demo: seed the demo salon on first start
 *   KIOSK_LOOKUPS_PER_MINUTE (6): phone look-ups one kiosk address may make a minute
 *   GLOW_HOST_NAMES: more names the hub answers to, comma-separated (besides its hostname, <hostname>.local,
 *                    localhost and IP addresses); a request under any other name is refused (DNS rebinding)
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createHub } from './app.ts';
import { randomId } from './security/secrets.ts';
import { demoSalon, emptySalonWithManager } from './seed/salon-seed.ts';
import { LowdbStore } from './store/lowdb.store.ts';
import { StoreError } from './store/store.port.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const demo = process.argv.includes('--demo');
const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const lookupsPerMinute = process.env.KIOSK_LOOKUPS_PER_MINUTE ? Number(process.env.KIOSK_LOOKUPS_PER_MINUTE) : null;
if (lookupsPerMinute !== null && !(Number.isInteger(lookupsPerMinute) && lookupsPerMinute > 0)) {
  console.error(`KIOSK_LOOKUPS_PER_MINUTE must be a whole number above 0 (got "${process.env.KIOSK_LOOKUPS_PER_MINUTE}").`);
  process.exit(1);
}
// The hub's address on the salon network, for links a client's phone opens (the aftercare QR): HOST when it names one,
// else the first network address; never localhost, which no phone can open.
const lanAddresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => a.address));
const phoneHost = ['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost'].includes(host) ? lanAddresses[0] : host;
const hostNames = [
  hostname(),
  `${hostname()}.local`,
  ...(process.env.GLOW_HOST_NAMES ?? '').split(',').map((n) => n.trim()).filter((n) => n !== ''),
];
const version = (JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8')) as { version: string }).version;

const staticDirs = { kiosk: resolve(repo, 'kiosk/build'), staff: resolve(repo, 'staff-tablet/build') };
for (const dir of Object.values(staticDirs)) {
  if (!existsSync(resolve(dir, 'index.html'))) {
    console.error(`The screens are not built (${dir} is missing). Run "npm run build" first, or start with "npm start".`);
    process.exit(1);
  }
}

let firstManagerPin: string | null = null;
const hub = createHub({
  store: new LowdbStore({ dir: dataDir, logger }),
  clock: Date.now,
  newId: randomId,
  logger,
  staticDirs,
  hostNames,
  ...(phoneHost ? { phoneHost } : {}),
  version,
  ...(lookupsPerMinute !== null ? { kioskLookupLimit: { max: lookupsPerMinute, windowMs: 60_000 } } : {}),
  seed: async () => {
    if (demo) return demoSalon();
    const { state, pin } = await emptySalonWithManager('My Salon');
    firstManagerPin = pin;
    return state;
  },
});

try {
  const started = Date.now();
  const { port: actualPort } = await hub.listen(port, host);
  const { code, expiresAt } = await hub.createPairingCode();
  printBanner(actualPort, code, expiresAt, Date.now() - started);
} catch (err) {
  if (err instanceof StoreError) {
    console.error(`\nGlow cannot start: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
}

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing writes and closing connections');
    setTimeout(() => {
      logger.error('stop took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
    hub.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'stop failed');
        process.exit(1);
      },
    );
  });
}

function printBanner(actualPort: number, code: string, expiresAt: number, startMs: number): void {
  const addresses =
    host === '0.0.0.0' || host === '::'
      ? ['localhost', ...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => a.address))]
      : [host];
  const lines = [
    '',
    `Glow hub ${version} is running (started in ${startMs} ms; data in ${dataDir})`,
    '',
    ...addresses.flatMap((a) => [
      `  Lobby kiosk:   http://${a}:${actualPort}/`,
      `  Staff tablet:  http://${a}:${actualPort}/staff/`,
    ]),
    '',
    `  Pair a staff tablet with the one-time code ${code} (valid until ${new Date(expiresAt).toLocaleTimeString()}).`,
    ...(demo ? ['  Demo PINs: Mei 1111, Anna 2222, Sofia 3333 (beauticians), Grace 4444 (front desk), Olivia 9999 (manager).'] : []),
    ...(firstManagerPin ? [`  First start: the manager's PIN is ${firstManagerPin}. Change it after signing in.`] : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

