import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import type { StaffPatch } from '@glow/shared';
import { randomToken } from '../../hub/src/security/secrets.ts';
import type { JournalEntry } from '../../hub/src/store/hub-state.ts';
import { MemoryStore } from '../../hub/src/store/memory.store.ts';
import { closedFacial, GPS_POINTER, jpegWithGps, LINA } from '../support/aftercare-visit.ts';
import { connectKiosk, connectStaff, expectOk, nextEvent, send, startHub, type StaffSocket, type TestHub } from '../support/hub-harness.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Headers that must be the same for every "no such link" answer (the date ticks, so it is left out). */
const comparable = (res: Response) =>
  JSON.stringify([...res.headers.entries()].filter(([name]) => name !== 'date').sort(([a], [b]) => a.localeCompare(b)));

async function answer(url: string) {
  const res = await fetch(url, { headers: { 'accept-language': 'en' } });
  return { status: res.status, headers: comparable(res), body: await res.text() };
}

/** Posts the report form as a phone browser would (multipart; the photo optional). */
function postReport(
  t: TestHub,
  path: string,
  fields: Record<string, string>,
  photo?: { bytes: Uint8Array; name: string; type: string },
  lang = 'en',
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (photo) form.set('photo', new Blob([photo.bytes as Uint8Array<ArrayBuffer>], { type: photo.type }), photo.name);
  return fetch(`${t.url}${path}/report?lang=${lang}`, { method: 'POST', body: form, redirect: 'manual' });
}

const REPORT = { kind: 'reaction', since: 'next_day', description: 'Red, itchy patches on both cheeks.', contact: 'call' };
const formCommandId = async (t: TestHub, path: string) =>
  /name="commandId" value="([^"]+)"/.exec(await (await fetch(`${t.url}${path}/report`)).text())![1]!;

function recordPatches(socket: StaffSocket): StaffPatch[] {
  const seen: StaffPatch[] = [];
  (socket as unknown as Socket).on('sync:patch', (p: StaffPatch) => seen.push(p));
  return seen;
}

describe('the aftercare pages', () => {
  let t: TestHub;
  let now: number;
  let manager: StaffSocket;

  beforeEach(async () => {
    now = Date.now();
    t = await startHub({ clock: () => now, store: 'lowdb' });
    manager = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
  });
  afterEach(async () => {
    await t.stop();
  });

  it('shows the aftercare sheet — template, notes, products, what is normal, follow-up, contact — and nothing private', async () => {
    const { path } = await closedFacial(t, manager);
    const res = await fetch(t.url + path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = await res.text();
    expect(body).not.toContain('<script');
    for (const text of [
      'Hello Lina',
      'Classic facial',
      'avoid make-up', // the service's template
      'add one drop of serum', // the beautician's notes
      'Camellia Cleansing Milk', // products used (the plan)
      'Rice Enzyme Mask',
      'Rose Barrier Cream', // home products, with how to use them
      'A pea-sized amount morning and evening',
      'What is normal',
      'Slight redness or warmth',
      'What is not normal',
      'small blisters',
      'When to call us',
      'Day 1,',
      'Day 3,',
      'Day 7,',
      'Your next treatment is due around',
      '+44 20 7946 0958', // the salon's contact
      '12 Rose Street',
      'Every day 09:00–20:00',
    ]) {
      expect(body, text).toContain(text);
    }
    // The links of the page: rebooking (the booking routes), report, print, opt-out.
    for (const link of ['/book?lang=en', '/report?lang=en', '/print?lang=en&amp;size=A5', '/opt-out?lang=en']) {
      expect(body, link).toContain(`href="${path}${link}"`);
    }
    // Never the phone number, the last name, the birthday or the consultation.
    for (const secret of ['13800138000', '138 0013', 'Zhou', LINA.birthday, '1990', 'pregnant', 'Pregnant', 'isotretinoin', 'Breakouts', 'acne']) {
      expect(body, secret).not.toContain(secret);
    }

    const zh = await (await fetch(`${t.url}${path}?lang=zh-CN`)).text();
    expect(zh).toContain('Lina您好');
    expect(zh).toContain('经典面部护理');
    expect(zh).toContain('异常情况');
    expect(zh).toContain('伦敦玫瑰街 12 号');
  });

  it('prints on A5 or A4 with the QR code inline, no script', async () => {
    const { path } = await closedFacial(t, manager);
    const a5 = await fetch(`${t.url}${path}/print`);
    expect(a5.status).toBe(200);
    expect(a5.headers.get('cache-control')).toBe('no-store');
    const a5Body = await a5.text();
    expect(a5Body).toContain('size: A5');
    expect(a5Body).toMatch(/<svg[^>]*viewBox/);
    expect(a5Body).toContain('Rose Barrier Cream');
    expect(a5Body).not.toContain('<script');
    expect(a5Body).not.toContain('Zhou');
    const a4Body = await (await fetch(`${t.url}${path}/print?size=A4`)).text();
    expect(a4Body).toContain('size: A4');
    expect(a4Body).toContain('data-size="A4"');
  });

  it('lets the salon set how long links last; they then expire', async () => {
    expect(expectOk(await send(manager, 'aftercare:setSettings', { linkDays: 2 })).linkDays).toBe(2);
    // The manager's board shows the settings; the front desk's does not.
    expect((await connectStaff(t, { staffId: 'olivia', pin: '9999' })).snapshot.view.aftercare.settings?.linkDays).toBe(2);
    expect((await connectStaff(t, { staffId: 'grace', pin: '4444' })).snapshot.view.aftercare).toEqual({});
    const { path, expiresAt } = await closedFacial(t, manager);
    expect(expiresAt).toBe(now + 2 * DAY);
    expect((await fetch(t.url + path)).status).toBe(200);
    // A beautician may not change it; bad numbers are refused in words.
    const mei = (await connectStaff(t, { staffId: 'mei', pin: '1111' })).socket;
    expect((await send(mei, 'aftercare:setSettings', { linkDays: 5 })).ok).toBe(false);
    const bad = await send(manager, 'aftercare:setSettings', { linkDays: 0 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_input');
    const unknown = await answer(`${t.url}/a/${randomToken()}`);
    now += 2 * DAY - 1;
    expect((await fetch(t.url + path)).status).toBe(200);
    now += 1;
    const expired = await answer(t.url + path);
    expect(expired).toEqual(unknown);
    expect(expired.status).toBe(404);
  });

  it('lets a manager revoke a visit’s link; it then answers like an unknown one', async () => {
    const { path, visitId } = await closedFacial(t, manager);
    const mei = (await connectStaff(t, { staffId: 'mei', pin: '1111' })).socket;
    const refused = await send(mei, 'aftercare:revokeLink', { visitId });
    expect(refused.ok).toBe(false);
    expect((await fetch(t.url + path)).status).toBe(200);
    expect(expectOk(await send(manager, 'aftercare:revokeLink', { visitId })).revoked).toBe(1);
    const unknown = await answer(`${t.url}/a/${randomToken()}`);
    expect(await answer(t.url + path)).toEqual(unknown);
    expect(await answer(`${t.url}${path}/report`)).toEqual(await answer(`${t.url}/a/${randomToken()}/report`));
    const again = await send(manager, 'aftercare:revokeLink', { visitId });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.message).toMatch(/no aftercare link that still works/);
  });

  it('answers 1,000 random, tampered and malformed tokens with the very same 404', async () => {
    const { path } = await closedFacial(t, manager);
    const token = path.slice(3);
    const first = await answer(`${t.url}/a/${randomToken()}`);
    expect(first.status).toBe(404);
    expect(first.headers).toContain('"cache-control","no-store"');
    expect(first.headers).toContain('"referrer-policy","no-referrer"');
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    const others = [`${t.url}/a/${tampered}`, `${t.url}/a/short`, `${t.url}/a/${token}x`];
    for (let i = 0; i < 1000; i++) others.push(`${t.url}/a/${randomToken()}`);
    for (const url of others) expect(await answer(url), url).toEqual(first);
  });

  it('turns a problem report with a photo into a complaint the manager and front desk see at once, the others never', async () => {
    const { path, visitId } = await closedFacial(t, manager);
    const desk = (await connectStaff(t, { staffId: 'grace', pin: '4444' })).socket;
    const mei = (await connectStaff(t, { staffId: 'mei', pin: '1111' })).socket;
    const kiosk = (await connectKiosk(t.url)).socket;
    const meiPatches = recordPatches(mei);
    const kioskPatches: unknown[] = [];
    (kiosk as unknown as Socket).on('sync:patch', (p: unknown) => kioskPatches.push(p));
    const alerted = nextEvent<StaffPatch>(manager as unknown as Socket, 'sync:patch');
    const deskAlerted = nextEvent<StaffPatch>(desk as unknown as Socket, 'sync:patch');

    const photo = await jpegWithGps();
    const res = await postReport(t, path, { ...REPORT, commandId: await formCommandId(t, path) }, { bytes: photo, name: 'IMG_0001.jpg', type: 'image/jpeg' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/reported=1/);

    const patch = await alerted;
    const [card] = Object.values(patch.set.complaints ?? {});
    expect(card).toMatchObject({
      visitId,
      severity: 'incident',
      kind: 'reaction',
      since: 'next_day',
      contact: 'call',
      status: 'received',
      clientName: 'Lina Z.',
      clientPhone: '+8613800138000',
      hasPhoto: true,
    });
    expect(Object.values((await deskAlerted).set.complaints ?? {})).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 150));
    expect(JSON.stringify(meiPatches)).not.toContain('complaints');
    expect(JSON.stringify(kioskPatches)).not.toContain('Red, itchy');

    // The photo: staff only, re-encoded, EXIF (GPS included) gone — on the wire and on disk.
    expect((await send(mei, 'complaint:photo', { complaintId: card!.id })).ok).toBe(false);
    const { dataUrl } = expectOk(await send(manager, 'complaint:photo', { complaintId: card!.id }));
    const bytes = Buffer.from(dataUrl.replace(/^data:image\/jpeg;base64,/, ''), 'base64');
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('GlowTestCam'))).toBe(false);
    expect(bytes.includes(GPS_POINTER)).toBe(false);
    const blobs = await readdir(join(t.dataDir!, 'blobs'));
    expect(blobs).toHaveLength(1);
    expect((await readFile(join(t.dataDir!, 'blobs', blobs[0]!))).equals(bytes)).toBe(true);

    // The page shows where the salon is with it: received → being handled → resolved.
    const status = async () => /data-status="(\w+)"/.exec(await (await fetch(t.url + path)).text())?.[1];
    expect(await status()).toBe('received');
    expectOk(await send(manager, 'complaint:acknowledge', { complaintId: card!.id }));
    expect(await status()).toBe('handling');
    const resolved = nextEvent<StaffPatch>(desk as unknown as Socket, 'sync:patch');
    expectOk(await send(desk, 'complaint:resolve', { complaintId: card!.id, resolution: 'Free calming facial booked.' }));
    // A resolved report stays on the board, in the history of resolved reports (#11), with how it was resolved.
    expect((await resolved).set.complaints?.[card!.id]).toMatchObject({ status: 'resolved', resolution: 'Free calming facial booked.' });
    expect(await status()).toBe('resolved');
    // A reconnecting manager gets it in the snapshot too, resolved.
    const again = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    expect(again.snapshot.view.complaints[card!.id]).toMatchObject({ status: 'resolved', hasPhoto: true });
  });

  it('answers a sent form twice with the first report', async () => {
    const { path } = await closedFacial(t, manager);
    const commandId = await formCommandId(t, path);
    const photo = await jpegWithGps(32, 32);
    const first = await postReport(t, path, { ...REPORT, commandId }, { bytes: photo, name: 'a.jpg', type: 'image/jpeg' });
    const second = await postReport(t, path, { ...REPORT, commandId }, { bytes: photo, name: 'a.jpg', type: 'image/jpeg' });
    expect([first.status, second.status]).toEqual([303, 303]);
    expect(Object.keys(t.hub.core.engine.state.complaints)).toHaveLength(1);
    expect(await readdir(join(t.dataDir!, 'blobs'))).toHaveLength(1);
  });

  it('refuses a photo that is not an image, or too large, and a malformed form — in the client’s language, changing nothing', async () => {
    const { path, clientId } = await closedFacial(t, manager);
    const client = structuredClone(t.hub.core.engine.state.clients[clientId]);
    const commandId = await formCommandId(t, path);

    const fake = await postReport(t, path, { ...REPORT, commandId }, { bytes: new TextEncoder().encode('%PDF-1.7 not a photo'), name: 'rash.jpg', type: 'image/jpeg' });
    expect(fake.status).toBe(400);
    const fakeBody = await fake.text();
    expect(fakeBody).toContain('That file is not a photo we can read');
    expect(fakeBody).toContain('Red, itchy patches'); // what they typed is kept

    const svg = await postReport(t, path, { ...REPORT, commandId }, { bytes: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), name: 'x.png', type: 'image/png' });
    expect(svg.status).toBe(400);

    const big = await postReport(t, path, { ...REPORT, commandId }, { bytes: new Uint8Array(5 * 1024 * 1024 + 100 * 1024), name: 'big.jpg', type: 'image/jpeg' });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('choose a smaller photo');

    const zh = await postReport(t, path, { ...REPORT, commandId }, { bytes: new TextEncoder().encode('nope'), name: 'a.jpg', type: 'image/jpeg' }, 'zh-CN');
    expect(await zh.text()).toContain('无法识别该文件为照片');

    const missing = await postReport(t, path, { kind: 'reaction', since: 'next_day', description: '', contact: 'call', commandId });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Please check: What happened?');
    const wrongKind = await postReport(t, path, { ...REPORT, kind: 'murder', commandId }, undefined, 'zh-CN');
    expect(wrongKind.status).toBe(400);
    expect(await wrongKind.text()).toContain('请检查：问题类型');
    const notMultipart = await fetch(`${t.url}${path}/report`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: 'garbage', redirect: 'manual' });
    expect(notMultipart.status).toBe(400);
    const foreign = await fetch(`${t.url}${path}/report`, { method: 'POST', headers: { origin: 'https://evil.example' }, body: new FormData(), redirect: 'manual' });
    expect(foreign.status).toBe(403);
    const crossSite = await fetch(`${t.url}${path}/report`, { method: 'POST', headers: { origin: 'null', 'sec-fetch-site': 'cross-site' }, body: new FormData(), redirect: 'manual' });
    expect(crossSite.status).toBe(403);

    // Nothing was recorded: no report, no command, no photo, the client untouched.
    expect(t.hub.core.engine.state.commands[commandId]).toBeUndefined();
    expect(t.hub.core.engine.state.clients[clientId]).toEqual(client);
    expect(t.hub.core.engine.state.complaints).toEqual({});
    expect(await readdir(join(t.dataDir!, 'blobs')).catch(() => [])).toEqual([]);
  });

  it('refuses a report after the salon’s window and tells the client to call', async () => {
    const { path } = await closedFacial(t, manager);
    const commandId = await formCommandId(t, path);
    now += 7 * DAY + 1;
    const page = await (await fetch(t.url + path)).text();
    expect(page).toContain('please call the salon on +44 20 7946 0958');
    expect(page).not.toContain(`href="${path}/report`);
    const res = await postReport(t, path, { ...REPORT, commandId });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Problems can no longer be reported here');
    expect(t.hub.core.engine.state.complaints).toEqual({});
    // The salon sets the window: 10 days opens it again (a new sign-in: a week has passed).
    const later = (await connectStaff(t, { staffId: 'olivia', pin: '9999' })).socket;
    expectOk(await send(later, 'aftercare:setSettings', { reportWindowDays: 10 }));
    expect((await postReport(t, path, { ...REPORT, commandId })).status).toBe(303);
  });

  it('records a marketing opt-out with its time', async () => {
    const { path, clientId } = await closedFacial(t, manager);
    const form = await (await fetch(`${t.url}${path}/opt-out`)).text();
    const commandId = /name="commandId" value="([^"]+)"/.exec(form)![1]!;
    const res = await fetch(`${t.url}${path}/opt-out?lang=en`, { method: 'POST', body: new URLSearchParams({ commandId }), redirect: 'manual' });
    expect(res.status).toBe(303);
    const consents = t.hub.core.engine.state.clients[clientId]!.consents ?? [];
    expect(consents.at(-1)).toMatchObject({ kind: 'marketing', granted: false, at: now });
    expect(await (await fetch(`${t.url}${path}/opt-out`)).text()).toContain('will not send you marketing messages');
    expect(await (await fetch(t.url + path)).text()).toContain('You will not receive marketing messages');
    // Sent again: nothing new is recorded.
    await fetch(`${t.url}${path}/opt-out`, { method: 'POST', body: new URLSearchParams({ commandId: 'another-command-1' }), redirect: 'manual' });
    expect((t.hub.core.engine.state.clients[clientId]!.consents ?? []).filter((c) => c.kind === 'marketing')).toHaveLength(1);
  });

  it('writes the photo to disk before the journal entry of the report that names it', async () => {
    /** A store that notes the order in which blobs and journal entries become durable. */
    class RecordingStore extends MemoryStore {
      readonly log: string[] = [];
      override async putBlob(id: string, bytes: Uint8Array): Promise<void> {
        await super.putBlob(id, bytes);
        this.log.push(`blob ${id}`);
      }
      override append(entry: JournalEntry): Promise<void> {
        // Noted when the entry is handed over, before it is written: the photo must already be on disk then.
        this.log.push(`entry ${entry.command}`);
        return super.append(entry);
      }
    }
    const store = new RecordingStore();
    const own = await startHub({ store, clock: () => now });
    try {
      const desk = (await connectStaff(own, { staffId: 'olivia', pin: '9999' })).socket;
      const { path } = await closedFacial(own, desk);
      const res = await postReport(own, path, { ...REPORT, commandId: await formCommandId(own, path) }, { bytes: await jpegWithGps(), name: 'a.jpg', type: 'image/jpeg' });
      expect(res.status).toBe(303);
      const [complaint] = Object.values(own.hub.core.engine.state.complaints);
      const blob = store.log.indexOf(`blob ${complaint!.photo!.blobId}`);
      expect(blob).toBeGreaterThanOrEqual(0);
      expect(store.log.indexOf('entry problem:report')).toBeGreaterThan(blob);
    } finally {
      await own.stop();
    }
  });
});
