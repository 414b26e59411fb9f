import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:https';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, issueServerCertificate } from '../../hub/src/security/certificates.ts';
import { REPO } from '../support/hub-harness.ts';

/**
 * Running Glow as a service (#14): `npm run serve` starts the prebuilt hub without building, over HTTPS with its own
 * CA when asked to, and stops gracefully; a salon certificate that cannot be used stops the start with a message
 * that says what to do; the systemd unit and the Docker image are what the README installs.
 */
const DAY = 86_400_000;

type Run = { out: () => string; exit: Promise<number | null>; kill: () => void };
function serve(env: Record<string, string>, root = REPO): Run {
  const proc = spawn(process.execPath, [join(root, 'hub/scripts/serve.mjs'), '--demo'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', HTTP_PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return { out: () => out, exit: new Promise((resolve) => proc.once('exit', (code) => resolve(code))), kill: () => proc.kill('SIGTERM') };
}

async function waitFor(run: Run, pattern: RegExp): Promise<RegExpExecArray> {
  for (;;) {
    const match = pattern.exec(run.out());
    if (match) return match;
    const exited = await Promise.race([run.exit.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 100))]);
    if (exited) throw new Error(`the hub exited before printing ${pattern}:\n${run.out()}`);
  }
}

function httpsGet(port: number, path: string, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, ca, servername: 'localhost', headers: { host: `localhost:${port}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('npm run serve, the service unit and the image', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'glow-serve-'));
    // The prebuilt hub (npm run build makes it once): build it here only if this checkout never was.
    if (!existsSync(join(REPO, 'hub/dist/main.js'))) spawnSync('npm', ['run', 'build:hub'], { cwd: REPO, stdio: 'inherit' });
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('`npm run serve` never builds: it starts the prebuilt hub', () => {
    const scripts = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.serve).toBe('node hub/scripts/serve.mjs');
  });

  it('serves HTTPS with its own CA and the trust page over HTTP, then stops gracefully on SIGTERM', async () => {
    const run = serve({ DATA_DIR: dataDir, GLOW_TLS: 'on' });
    try {
      const port = Number((await waitFor(run, /Lobby kiosk:\s+https:\/\/127\.0\.0\.1:(\d+)\//))[1]);
      const plain = Number((await waitFor(run, /New tablet: open http:\/\/[^:]+:(\d+)\/trust/))[1]);
      expect(plain).toBeGreaterThan(0);
      const ca = await readFile(join(dataDir, 'tls/ca.crt'), 'utf8');
      expect(await httpsGet(port, '/api/health', ca)).toBe(200);
      const trust = await fetch(`http://127.0.0.1:${plain}/trust`);
      expect(trust.status).toBe(200);
      expect(await trust.text()).toContain('glow-hub-ca.crt');
    } finally {
      run.kill();
    }
    expect(await run.exit).toBe(0);
  });

  it('a production install in a clean directory (npm ci --omit=dev beside the build) starts and serves', { timeout: 300_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'glow-prod-'));
    try {
      for (const file of ['package.json', 'package-lock.json', ...['shared', 'hub', 'kiosk', 'staff-tablet', 'tests'].map((w) => `${w}/package.json`)]) {
        await cp(join(REPO, file), join(dir, file));
      }
      for (const built of ['hub/dist', 'hub/scripts/serve.mjs', 'kiosk/build', 'staff-tablet/build']) {
        await cp(join(REPO, built), join(dir, built), { recursive: true });
      }
      const install = spawnSync('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: dir, encoding: 'utf8' });
      expect(install.status, install.stderr).toBe(0);
      // No build tool came with it: the install is production-only.
      for (const devOnly of ['vite', 'vitest', 'typescript', '@sveltejs/kit']) expect(existsSync(join(dir, 'node_modules', devOnly)), devOnly).toBe(false);
      const run = serve({ DATA_DIR: join(dir, 'data'), GLOW_TLS: 'on' }, dir);
      try {
        const port = Number((await waitFor(run, /Lobby kiosk:\s+https:\/\/127\.0\.0\.1:(\d+)\//))[1]);
        const ca = await readFile(join(dir, 'data/tls/ca.crt'), 'utf8');
        expect(await httpsGet(port, '/api/health', ca)).toBe(200);
        expect(await httpsGet(port, '/staff/', ca)).toBe(200);
      } finally {
        run.kill();
      }
      expect(await run.exit).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start with a salon certificate that has expired, saying what to do', async () => {
    const now = Date.now();
    const ca = await createCertificateAuthority('old', now - 800 * DAY);
    const expired = await issueServerCertificate(ca, ['localhost', '127.0.0.1'], now - 400 * DAY);
    const cert = join(dataDir, 'salon.crt');
    const key = join(dataDir, 'salon.key');
    await writeFile(cert, expired.certPem);
    await writeFile(key, expired.keyPem);
    const run = serve({ DATA_DIR: join(dataDir, 'other'), GLOW_TLS: 'on', GLOW_TLS_CERT: cert, GLOW_TLS_KEY: key });
    expect(await run.exit).toBe(1);
    expect(run.out()).toMatch(/Glow cannot start: The salon's certificate .* cannot be used: The certificate expired on .*Renew it/);
    const half = serve({ DATA_DIR: join(dataDir, 'other'), GLOW_TLS: 'on', GLOW_TLS_CERT: cert });
    expect(await half.exit).toBe(1);
    expect(half.out()).toContain('Give both GLOW_TLS_CERT');
  });

  it('the systemd unit restarts on failure, starts at boot and runs the prebuilt hub', () => {
    const unit = readFileSync(join(REPO, 'deploy/glow-hub.service'), 'utf8');
    expect(unit).toMatch(/^Restart=on-failure$/m);
    expect(unit).toMatch(/^WantedBy=multi-user\.target$/m);
    expect(unit).toMatch(/^ExecStart=@NODE@ @APP_DIR@\/hub\/dist\/main\.js$/m);
    expect(unit).toMatch(/^StateDirectoryMode=0700$/m);
    expect(readFileSync(join(REPO, 'deploy/install-service.sh'), 'utf8')).toContain('systemctl enable glow-hub.service');
  });

  const docker = spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
  it('the Dockerfile is node:20-slim based, keeps the data directory in a volume and runs production dependencies only', () => {
    const file = readFileSync(join(REPO, 'Dockerfile'), 'utf8');
    expect(file).toMatch(/^FROM node:20-slim AS build$/m);
    expect(file).toMatch(/^FROM node:20-slim$/m);
    expect(file).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(file).toContain('npm ci --omit=dev');
  });
  it.skipIf(!docker)('builds the Docker image (needs a Docker engine)', () => {
    const build = spawnSync('docker', ['build', '-t', 'glow-hub:test', '.'], { cwd: REPO, stdio: 'inherit' });
    expect(build.status).toBe(0);
  });
  it.skipIf(docker)('NOT RUN: no Docker engine on this machine, so the image was not built (run this test where Docker is)', () => {
    expect(docker).toBe(false);
  });
});
