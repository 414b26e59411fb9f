/**
 * Starts the Glow hub. The only file that reads the environment and arguments, listens, and handles signals.
 *   PORT (8080)  HOST (0.0.0.0)  DATA_DIR (./data)  LOG_LEVEL (info)   --demo: seed the demo salon on first start
 *   KIOSK_LOOKUPS_PER_MINUTE (6): phone look-ups one kiosk may make a minute
 *   KIOSK_CHECKINS_PER_MINUTE (20): check-ins one kiosk may send a minute (a burst of that many, then evenly)
 *   GLOW_MDNS_NAME (glow): the hub announces <name>.local by mDNS when it listens on the network; "off": it does not
 *   GLOW_HOST_NAMES: more names the hub answers to, comma-separated (besides its hostname, <hostname>.local,
 *                    localhost and IP addresses); a request under any other name is refused (DNS rebinding)
 *   HTTPS: a hub reachable from the network (HOST not loopback) serves HTTPS on PORT (8443) with its own CA and plain
 *          HTTP on HTTP_PORT (8080), which redirects and serves /trust (the page a new tablet trusts the hub with) and
 *          the client's phone pages. GLOW_TLS_CERT + GLOW_TLS_KEY: the salon's own certificate instead (PEM paths).
 *          GLOW_TLS=off: plain HTTP on PORT (behind a proxy that does TLS); GLOW_TLS=on: HTTPS even on loopback.
 *          A hub on loopback (HOST=127.0.0.1) serves plain HTTP by default: localhost is a secure context already.
 *   GLOW_ACCEPT_DATA_LOSS=1 or --accept-data-loss: start even though acknowledged changes are missing from the data
 *                    (a deleted or cut journal), from what is left; only when told so by the refusal, after a backup
 */
import { existsSync, readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import QRCode from 'qrcode';
import { createHub } from './app.ts';
import { randomId } from './security/secrets.ts';
import { demoSalonCommands } from './seed/demo-commands.ts';
import { machineTimeZone, salonAwaitingSetup } from './seed/salon-seed.ts';
import { pendingSetupCode } from './services/setup.service.ts';
import { formatSetupCode } from '@glow/shared';
import { LowdbStore } from './store/lowdb.store.ts';
import { DiskOutboxFolder } from './store/outbox-folder.ts';
import { describeStartFailure } from './start-up-failure.ts';
import { startUpAddresses } from './start-up-addresses.ts';
import { salonCertificateProblem } from './security/certificates.ts';
import { certificateFiles } from './store/certificate-files.ts';
import { announceHub, type MdnsAnnouncement } from './transport/mdns-announcer.ts';
import { ownCertificates, salonCertificate, type TlsSource } from './transport/https/tls-source.ts';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const demo = process.argv.includes('--demo');
const acceptDataLoss = process.env.GLOW_ACCEPT_DATA_LOSS === '1' || process.argv.includes('--accept-data-loss');
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
const checkInsPerMinute = process.env.KIOSK_CHECKINS_PER_MINUTE ? Number(process.env.KIOSK_CHECKINS_PER_MINUTE) : null;
if (checkInsPerMinute !== null && !(Number.isInteger(checkInsPerMinute) && checkInsPerMinute > 0)) {
  console.error(`KIOSK_CHECKINS_PER_MINUTE must be a whole number above 0 (got "${process.env.KIOSK_CHECKINS_PER_MINUTE}").`);
  process.exit(1);
}
// Announced by mDNS only when tablets can reach the hub (not on loopback).
const mdnsName = process.env.GLOW_MDNS_NAME ?? 'glow';
const announce = mdnsName !== 'off' && !['127.0.0.1', '::1', 'localhost'].includes(host);
if (announce && !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(mdnsName)) {
  console.error(`GLOW_MDNS_NAME must be one DNS label (letters, digits, hyphens), or "off" (got "${mdnsName}").`);
  process.exit(1);
}
let mdns: MdnsAnnouncement | null = null;
const hostNames = [
  hostname(),
  `${hostname()}.local`,
  ...(announce ? [`${mdnsName}.local`] : []),
  ...(process.env.GLOW_HOST_NAMES ?? '').split(',').map((n) => n.trim()).filter((n) => n !== ''),
];
const tls = tlsSource();
const port = Number(process.env.PORT ?? (tls ? 8443 : 8080));
const httpPort = Number(process.env.HTTP_PORT ?? 8080);
/** The plain-HTTP side's port once listening (HTTP_PORT may be 0: any free port). */
let plainPort = httpPort;
const version = (JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8')) as { version: string }).version;

const staticDirs = { kiosk: resolve(repo, 'kiosk/build'), staff: resolve(repo, 'staff-tablet/build') };
for (const dir of Object.values(staticDirs)) {
  if (!existsSync(resolve(dir, 'index.html'))) {
    console.error(`The screens are not built (${dir} is missing). Run "npm run build" first, or start with "npm start".`);
    process.exit(1);
  }
}

const store = new LowdbStore({ dir: dataDir, logger, acceptDataLoss });
const hub = createHub({
  store,
  clock: Date.now,
  newId: randomId,
  logger,
  staticDirs,
  outboxFolder: new DiskOutboxFolder(dataDir),
  hostNames,
  ...(tls ? { tls } : {}),
  ...(phoneHost ? { phoneHost } : {}),
  version,
  ...(lookupsPerMinute !== null ? { kioskLookupLimit: { max: lookupsPerMinute, windowMs: 60_000 } } : {}),
  ...(checkInsPerMinute !== null ? { kioskCheckIns: { burst: checkInsPerMinute, perSecond: checkInsPerMinute / 60 } } : {}),
  // An empty data directory: a salon waiting for its owner's set-up (#13); with --demo, the demo salon's commands then
  // set it up at once, journaled one by one as a manager's would be (seed/demo-commands.ts).
  seed: async () => salonAwaitingSetup(),
  ...(demo ? { seedCommands: demoSalonCommands('en', machineTimeZone()) } : {}),
});

try {
  const started = Date.now();
  const { port: actualPort } = await hub.listen(port, host);
  if (tls) plainPort = (await hub.listenRedirect(httpPort, host, lanAddresses[0] ?? null)).port;
  if (announce) mdns = announceHub({ name: mdnsName, port: actualPort, logger });
  // Until the salon is set up, the first tablet needs the set-up code, not a pairing code (there is nobody to sign in as).
  const setupCode = pendingSetupCode(hub.core.engine.state);
  // Both codes asked at once: their two journal entries share one write and one fsync (one less disk wait per start).
  const [tablet, kiosk] = await Promise.all([setupCode ? null : hub.createPairingCode('tablet'), hub.createPairingCode('kiosk')]);
  printBanner(actualPort, tablet, kiosk, setupCode, Date.now() - started);
  // A QR code a new tablet scans to open the pairing screen with the code filled in (#14; the code rides in the
  // link's fragment, which no server sees).
  if (tablet && !['127.0.0.1', '::1', 'localhost'].includes(host) && lanAddresses[0]) {
    const link = `${hub.tls ? 'https' : 'http'}://${lanAddresses[0]}:${actualPort}/staff/#pair=${tablet.code}`;
    process.stdout.write(`  Or scan this with a new tablet (once it trusts the hub) to pair it:\n${await QRCode.toString(link, { type: 'terminal', small: true })}\n`);
  }
} catch (err) {
  // One line a person can act on and an exit code, never a stack trace (a full disk can surface at any step above).
  const failure = describeStartFailure(err, {
    store,
    dataDir,
    port,
    acceptLossHint: 'start once with GLOW_ACCEPT_DATA_LOSS=1 (or --accept-data-loss)',
  });
  // A full disk or damaged data is said in full above; anything else is a bug, and its stack goes to the log.
  if (failure.expected) logger.debug({ err }, 'start-up failed');
  else logger.error({ err }, 'start-up failed');
  await hub.stop().catch(() => {});
  console.error(`\nGlow cannot start: ${failure.message}\n`);
  process.exit(failure.exitCode);
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
    void mdns?.stop();
    hub.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'stop failed');
        process.exit(1);
      },
    );
  });
}

/**
 * Where the HTTPS certificate comes from (#14), or null for plain HTTP: the salon's own (GLOW_TLS_CERT, GLOW_TLS_KEY),
 * checked now so that an expired or foreign one stops the start with a message that says what to do; else the hub's
 * own CA in the data directory. Loopback-only hubs serve plain HTTP unless GLOW_TLS=on.
 */
function tlsSource(): TlsSource | null {
  const mode = process.env.GLOW_TLS ?? 'auto';
  if (!['auto', 'on', 'off'].includes(mode)) fail(`GLOW_TLS must be on, off or auto (got "${mode}").`);
  const loopback = ['127.0.0.1', '::1', 'localhost'].includes(host);
  if (mode === 'off' || (mode === 'auto' && loopback)) return null;
  const subjects = () => [
    ...hostNames,
    'localhost',
    '127.0.0.1',
    '::1',
    ...(loopback || host === '0.0.0.0' || host === '::' ? [] : [host]),
    ...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).filter((a) => !a.internal).map((a) => a.address.replace(/%.*$/, ''))),
  ];
  const certPath = process.env.GLOW_TLS_CERT;
  const keyPath = process.env.GLOW_TLS_KEY;
  if (!certPath && !keyPath) return ownCertificates({ files: certificateFiles(dataDir), hubName: hostname(), subjects, logger });
  if (!certPath || !keyPath) fail('Give both GLOW_TLS_CERT (the certificate) and GLOW_TLS_KEY (its private key), or neither to let the hub make its own.');
  const read = (path: string, what: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      return fail(`Cannot read the ${what} at ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)}). Check the path and that the hub's user may read it.`);
    }
  };
  const pair = { certPem: read(certPath, 'certificate (GLOW_TLS_CERT)'), keyPem: read(keyPath, 'key (GLOW_TLS_KEY)') };
  const problem = salonCertificateProblem(pair, subjects(), Date.now());
  if (problem) fail(`The salon's certificate (${certPath}) cannot be used: ${problem}`);
  return salonCertificate(pair, logger);
}

function fail(message: string): never {
  console.error(`\nGlow cannot start: ${message}\n`);
  process.exit(1);
}

type Code = { code: string; expiresAt: number };

function printBanner(actualPort: number, tablet: Code | null, kiosk: Code, setupCode: string | null, startMs: number): void {
  // Network addresses first: the devices open one of those; localhost is marked as this computer's own (#11).
  const { addresses, trust } = startUpAddresses(host, lanAddresses);
  const only = (a: { thisComputerOnly: boolean }) => (a.thisComputerOnly ? '   (this computer only)' : '');
  const scheme = hub.tls ? 'https' : 'http';
  const lines = [
    '',
    `Glow hub ${version} is running (started in ${startMs} ms; data in ${dataDir})`,
    '',
    ...addresses.flatMap((a) => [
      `  Lobby kiosk:   ${scheme}://${a.address}:${actualPort}/${only(a)}`,
      `  Staff tablet:  ${scheme}://${a.address}:${actualPort}/staff/${only(a)}`,
    ]),
    '',
    ...(setupCode
      ? [
          `  First start: open the staff tablet address above on the owner's tablet and set the salon up with the`,
          `  one-time set-up code ${formatSetupCode(setupCode)} (it is shown here on every start until the set-up is done).`,
          `  The kiosk says "not open yet" until then.`,
        ]
      : []),
    ...(tablet ? [`  Pair a staff tablet with the one-time code ${tablet.code} (valid until ${new Date(tablet.expiresAt).toLocaleTimeString()}).`] : []),
    `  Pair a kiosk with the one-time code ${kiosk.code} (valid until ${new Date(kiosk.expiresAt).toLocaleTimeString()}); more codes: the manager's tablet.`,
    ...(hub.tls
      ? [
          ...(mdns ? [`  By name, where the network passes mDNS: https://${mdns.hostName}:${actualPort}/`] : []),
          `  New tablet: open http://${trust}:${plainPort}/trust once to trust this hub (certificate ${hub.tls.fingerprint}).`,
          ...(hub.tls.expiresAt - Date.now() < 30 * 86_400_000 ? [`  The certificate expires on ${new Date(hub.tls.expiresAt).toDateString()}: renew it.`] : []),
        ]
      : []),
    ...(demo ? ['  Demo PINs: Mei 1111, Anna 2222, Sofia 3333 (beauticians), Grace 4444 (front desk), Olivia 9999 (manager).'] : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

