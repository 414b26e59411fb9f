import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spa } from './static.routes.ts';

const page = (script: string) => `<!doctype html><html><head><script>${script}</script></head><body></body></html>`;
const hashOf = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

describe('serving a built app', () => {
  let root: string;
  let app: Hono;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'glow-spa-'));
    await mkdir(join(root, '_app/immutable'), { recursive: true });
    await writeFile(join(root, 'index.html'), page('start(1)'));
    const js = 'console.log("app");'.repeat(50);
    await writeFile(join(root, '_app/immutable/app.js'), js);
    await writeFile(join(root, '_app/immutable/app.js.br'), brotliCompressSync(js));
    await writeFile(join(root, '_app/immutable/app.js.gz'), gzipSync(js));
    await writeFile(join(root, 'manifest.webmanifest'), '{"name":"Glow"}');
    app = new Hono().use('/staff/*', spa(root, '/staff'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('a rebuild under the running hub serves the new page with the CSP of the new page', async () => {
    const first = await app.request('/staff/');
    expect(first.headers.get('content-security-policy')).toContain(hashOf('start(1)'));
    await writeFile(join(root, 'index.html'), page('start(2)'));
    for (const path of ['/staff/', '/staff/deep/link']) {
      const res = await app.request(path);
      expect(await res.text()).toContain('start(2)');
      expect(res.headers.get('content-security-policy')).toContain(hashOf('start(2)'));
      expect(res.headers.get('content-security-policy')).not.toContain(hashOf('start(1)'));
    }
  });

  it('while a rebuild has the page missing, asks to reload in a moment (503) in both languages', async () => {
    await unlink(join(root, 'index.html'));
    const res = await app.request('/staff/');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.text()).toMatch(/reload this page.*请稍后重新加载/);
  });

  it('a file that is not there is a 404, a deep link is the app', async () => {
    for (const path of ['/staff/robots.txt', '/staff/favicon.ico', '/staff/_app/immutable/old-build.js', '/staff/_app/version.json']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('<html');
    }
    const deep = await app.request('/staff/visits/123');
    expect(deep.status).toBe(200);
    expect(deep.headers.get('content-type')).toContain('text/html');
  });

  it('serves the manifest as a manifest, and assets precompressed to a browser that takes them', async () => {
    const manifest = await app.request('/staff/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json');
    const br = await app.request('/staff/_app/immutable/app.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toContain('immutable');
    const gz = await app.request('/staff/_app/immutable/app.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const plain = await app.request('/staff/_app/immutable/app.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toContain('console.log');
  });
});
