import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '@glow/hub';
import { silentLogger } from '../../hub/src/logger.ts';
import { randomId } from '../../hub/src/security/secrets.ts';
import { demoSalon } from '../../hub/src/seed/salon-seed.ts';
import { MemoryStore } from '../../hub/src/store/memory.store.ts';

/**
 * A phone that opens a mistyped address on the hub (a QR code read badly, `/a` without its token, `/aftercare`) gets
 * the salon's styled "link not available" page in its language, not the kiosk app's bare error page. The kiosk's own
 * page and files are still served.
 */
describe('an address no page knows', () => {
  let hub: Hub;
  let url: string;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'glow-static-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>kiosk app</title>');
    await writeFile(join(dir, 'robots.txt'), 'User-agent: *');
    hub = createHub({
      store: new MemoryStore(),
      clock: Date.now,
      newId: randomId,
      logger: silentLogger,
      seed: () => demoSalon('en', 'Etc/UTC'),
      version: 'test',
      staticDirs: { kiosk: dir, staff: dir },
    });
    ({ url } = await hub.listen(0, '127.0.0.1'));
  });
  afterAll(async () => {
    await hub.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['en', 'Link not available'],
    ['zh-CN', '链接不可用'],
  ])('answers 404 with the phone pages’ styled page (%s)', async (language, title) => {
    for (const path of ['/a', '/aftercare', '/b', '/some/where']) {
      const res = await fetch(url + path, { headers: { 'accept-language': language } });
      expect(res.status, path).toBe(404);
      const body = await res.text();
      expect(body).toContain(title);
      expect(body).toMatch(/<style>[^<]*--accent/);
      expect(body).not.toContain('kiosk app');
    }
  });

  it('still serves the kiosk page and its files', async () => {
    expect(await (await fetch(url + '/')).text()).toContain('kiosk app');
    expect((await fetch(url + '/robots.txt')).status).toBe(200);
    expect(await (await fetch(url + '/staff/anything')).text()).toContain('kiosk app');
  });
});
