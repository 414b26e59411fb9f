import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedFacial } from '../support/aftercare-visit.ts';
import { connectStaff, REPO, startHub, type TestHub } from '../support/hub-harness.ts';

/**
 * README: a tablet opened at `http://localhost:8080` used to put `localhost` in the client's QR code, which no phone
 * can open. The hub answers `visit:close` with the whole link on its own network address, whatever the tablet used.
 */
describe('the aftercare link of a closed visit', () => {
  let t: TestHub;

  // The tablet reaches this hub on loopback (127.0.0.1), as a tablet opened at localhost would.
  beforeAll(async () => {
    t = await startHub({ phoneHost: '192.0.2.7' });
  });
  afterAll(() => t.stop());

  it('is on the hub’s network address and port, not the address the tablet used', async () => {
    const desk = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const { path, url } = await closedFacial(t, desk.socket);
    expect(path).toMatch(/^\/a\/[A-Za-z0-9_-]{43}$/);
    expect(url).toBe(`http://192.0.2.7:${new URL(t.url).port}${path}`);
    desk.socket.disconnect();
  });

  it('is what the README promises; the README sends tablets to the start-up log’s network address, never localhost', () => {
    const readme = readFileSync(`${REPO}/README.md`, 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain('The start-up log prints the addresses to open on each device');
    expect(readme).toContain('never `localhost`');
    expect(readme).toContain('aftercare QR code always carries the hub\'s network address, whatever address the tablet was opened at');
    // No address on localhost is given to open on a device (localhost is the device itself).
    expect(readme).not.toMatch(/https?:\/\/localhost/);
  });
});
