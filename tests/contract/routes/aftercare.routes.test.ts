import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomToken } from '../../../hub/src/security/secrets.ts';
import { aftercareRoutes } from '../../../hub/src/transport/http/aftercare.routes.ts';
import { jpegWithGps } from '../../support/aftercare-visit.ts';
import { closedVisits } from '../../support/booking-phone.ts';
import { connectStaff, startHub, type StaffSocket, type TestHub } from '../../support/hub-harness.ts';
import { commandIdIn, getRoute, postJson, postMultipart, postRoute } from '../../support/route-request.ts';

const DAY = 24 * 60 * 60 * 1000;
const REPORT = { kind: 'reaction', since: 'next_day', description: 'Red, itchy patches on both cheeks.', contact: 'call' };

/**
 * aftercare.routes.ts in-process (`app.request()` on the route file's own app, no server): its guards (another site's
 * form, the link's token, body limits, content type) and bad input, each answered with a page in the client's language
 * that changes nothing; a retried form acts once; a refused report leaves no photo behind.
 */
describe('aftercare.routes.ts', () => {
  let t: TestHub;
  let now: number;
  let desk: StaffSocket;
  let app: Hono;
  const state = () => t.hub.core.engine.state;
  /** A fresh visit's link: the route app's paths are the link's token and what follows it. */
  let clients = 0;
  const freshLink = async () => `/${(await closedVisits(t, desk, 1, `Route${++clients}x`))[0]!.path.split('/')[2]}`;
  const blobs = () => t.store.listBlobs();

  beforeAll(async () => {
    now = Date.now();
    t = await startHub({ clock: () => now });
    desk = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    app = aftercareRoutes(t.hub.core);
  }, 30_000);
  afterAll(async () => {
    await t.stop();
  });

  it('shows the sheet and its forms; a wrong token gets the one 404 page, never cached', async () => {
    const link = await freshLink();
    const sheet = await getRoute(app, `${link}?lang=zh-CN`);
    expect(sheet.status).toBe(200);
    expect(sheet.body).toContain('护理须知');
    expect(sheet.headers.get('cache-control')).toBe('no-store');
    for (const path of [`/${randomToken()}`, `/${randomToken()}/report`, '/not-a-token/opt-out']) {
      const missing = await getRoute(app, path);
      expect(missing.status, path).toBe(404);
      expect(missing.body).toContain('Link not available');
      expect(missing.headers.get('cache-control')).toBe('no-store');
    }
    expect((await postMultipart(app, `/${randomToken()}/report`, { ...REPORT, commandId: 'cmd-unknown-link-1' })).status).toBe(404);
  });

  it('refuses a report from another site (Origin or Fetch Metadata), recording nothing', async () => {
    const link = await freshLink();
    const commandId = commandIdIn((await getRoute(app, `${link}/report`)).body);
    const foreign = await postMultipart(app, `${link}/report`, { ...REPORT, commandId }, undefined, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body).toContain('This form must be sent from the salon’s own page.');
    expect(foreign.headers.get('content-security-policy')).toContain("default-src 'none'");
    const crossSite = await postMultipart(app, `${link}/report`, { ...REPORT, commandId }, undefined, { origin: 'null', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    // The page's own form (Origin: null under no-referrer, same-origin fetch metadata) goes through.
    const own = await postMultipart(app, `${link}/report`, { ...REPORT, commandId }, undefined, { origin: 'null', 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(303);
    expect(Object.values(state().complaints).filter((c) => c.description === REPORT.description)).toHaveLength(1);
  });

  it('refuses an over-long description, a form that is not a form, and a 10 MB photo — keeping what was typed', async () => {
    const link = await freshLink();
    const before = Object.keys(state().complaints).length;
    const commandId = commandIdIn((await getRoute(app, `${link}/report`)).body);

    const long = await postMultipart(app, `${link}/report`, { ...REPORT, description: 'x'.repeat(2001), commandId });
    expect(long.status).toBe(400);
    expect(long.body).toContain('Please check: What happened?');

    const json = await postJson(app, `${link}/report`, { ...REPORT, commandId });
    expect(json.status).toBe(415);
    expect(json.body).toContain('Please check: Report a problem');

    const huge = await postMultipart(app, `${link}/report?lang=zh-CN`, { ...REPORT, commandId }, { name: 'photo', bytes: new Uint8Array(10 * 1024 * 1024), type: 'image/jpeg' });
    expect(huge.status).toBe(413);
    expect(huge.body).toContain('发送的内容过大');
    expect(huge.headers.get('connection')).toBe('close');

    const fake = await postMultipart(app, `${link}/report`, { ...REPORT, commandId }, { name: 'photo', bytes: new TextEncoder().encode('%PDF-1.7'), type: 'image/jpeg' });
    expect(fake.status).toBe(400);
    expect(fake.body).toContain('That file is not a photo we can read');
    expect(fake.body).toContain('Red, itchy patches'); // what they typed is kept

    expect(Object.keys(state().complaints)).toHaveLength(before);
    expect(state().commands[commandId]).toBeUndefined();
    expect(await blobs()).toEqual([]);
  });

  it('answers a report sent twice with the first: one complaint, one photo on disk', async () => {
    const link = await freshLink();
    const before = await blobs();
    const complaints = Object.keys(state().complaints).length;
    const commandId = commandIdIn((await getRoute(app, `${link}/report`)).body);
    const photo = { name: 'photo', bytes: await jpegWithGps(24, 24), type: 'image/jpeg' };
    const first = await postMultipart(app, `${link}/report`, { ...REPORT, commandId }, photo);
    const again = await postMultipart(app, `${link}/report`, { ...REPORT, commandId }, photo);
    expect([first.status, again.status]).toEqual([303, 303]);
    expect(again.location).toBe(first.location);
    expect(Object.keys(state().complaints)).toHaveLength(complaints + 1);
    expect((await blobs()).filter((b) => !before.includes(b))).toHaveLength(1);
  });

  it('opt-out: a malformed or oversized form is refused with the page; a retry records once', async () => {
    const link = await freshLink();
    const clientId = Object.values(state().visits).at(-1)!.clientId;
    const marketing = () => (state().clients[clientId]!.consents ?? []).filter((c) => c.kind === 'marketing');
    const bad = await postRoute(app, `${link}/opt-out`, { commandId: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Please check: Marketing messages');
    const big = await postRoute(app, `${link}/opt-out`, { commandId: 'cmd-opt-out-big', junk: 'x'.repeat(5000) });
    expect(big.status).toBe(413);
    expect(big.body).toContain('What you sent is too large');
    expect(marketing()).toHaveLength(0);
    const form = { commandId: commandIdIn((await getRoute(app, `${link}/opt-out`)).body) };
    const first = await postRoute(app, `${link}/opt-out`, form);
    const again = await postRoute(app, `${link}/opt-out`, form);
    expect([first.status, again.status]).toEqual([303, 303]);
    expect(marketing()).toHaveLength(1);
  });

  // Last: it moves the clock a week on, which ends the desk's session.
  it('a refused report (past the salon’s window) leaves no photo behind', async () => {
    const link = await freshLink();
    const before = await blobs();
    const commandId = commandIdIn((await getRoute(app, `${link}/report`)).body);
    const saved = now;
    now += 7 * DAY + 1;
    try {
      const late = await postMultipart(app, `${link}/report`, { ...REPORT, commandId }, { name: 'photo', bytes: await jpegWithGps(24, 24), type: 'image/jpeg' });
      expect(late.status).toBe(409);
      expect(late.body).toContain('Problems can no longer be reported here');
    } finally {
      now = saved;
    }
    expect(await blobs()).toEqual(before);
  });
});
