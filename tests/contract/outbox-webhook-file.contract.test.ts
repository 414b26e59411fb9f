import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { messageIdFor } from '../../hub/src/services/outbox/enqueue-message.ts';
import { DiskOutboxFolder, MemoryOutboxFolder } from '../../hub/src/store/outbox-folder.ts';
import { connectStaff, expectOk, send, startHub, type TestHub } from '../support/hub-harness.ts';
import { enqueue, OUTBOX_ZONE, outboxSalon } from '../support/outbox-salon.ts';

/**
 * The webhook sender against a local HTTP server the test starts, and the file sender (the default) through the
 * store's outbox folder, in memory and on disk (#16).
 */
const TEN_AM = Date.parse('2026-12-03T10:00:00+08:00');
let now = TEN_AM;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
  now = TEN_AM;
});

type Hook = { status: number; hang?: boolean };
async function gateway(answer: () => Hook) {
  const received: { headers: IncomingMessage['headers']; body: Record<string, unknown> }[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(data) as Record<string, unknown> });
      const a = answer();
      if (a.hang) return;
      res.writeHead(a.status, { 'content-type': 'text/plain' }).end(a.status < 300 ? 'queued' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  cleanups.push(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, received };
}

async function hubWith(outbox: Parameters<typeof startHub>[0] extends infer O ? (O extends { outbox?: infer X } ? X : never) : never, store: 'memory' | 'lowdb' = 'memory'): Promise<TestHub> {
  const t = await startHub({ seed: outboxSalon, timeZone: OUTBOX_ZONE, clock: () => now, store, outbox: { outboxTickMs: 3_600_000, ...outbox } });
  cleanups.push(() => t.stop());
  return t;
}

const stateOf = (t: TestHub, key: string) => t.hub.core.outbox.list(null, 500).messages.find((m) => m.id === messageIdFor(key));

describe('outbox webhook', () => {
  it('POSTs the message as JSON to the salon’s URL for a client without e-mail, retries a 5xx, fails a 4xx, times out', async () => {
    let answer: Hook = { status: 503 };
    const hook = await gateway(() => answer);
    const t = await hubWith({ outboxTimeouts: { smtp: { connectionMs: 500, greetingMs: 500, socketMs: 500 }, webhookMs: 400 } });
    const boss = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    expectOk(await send(boss.socket, 'outbox:settings', { smtp: null, webhookUrl: hook.url, quietHours: null, dailyCap: null, maxAttempts: 5, keepBodiesDays: 30 }));
    await enqueue(t, { dedupeKey: 'hook-1', clientId: 'no-mail', body: '李小红您好：明天 15:00 见。' });
    await t.hub.core.outbox.delivery.tick();
    expect(stateOf(t, 'hook-1')).toMatchObject({ state: 'queued', attempts: 1, channel: 'webhook', to: '+8613800138002', lastError: { code: 'refused_temporary' } });
    answer = { status: 202 };
    now += 60_000;
    await t.hub.core.outbox.delivery.tick();
    expect(stateOf(t, 'hook-1')).toMatchObject({ state: 'sent', attempts: 2 });
    expect(hook.received).toHaveLength(2);
    const last = hook.received[1]!;
    expect(last.headers['content-type']).toContain('application/json');
    expect(last.headers['idempotency-key']).toBe(messageIdFor('hook-1'));
    expect(last.body).toMatchObject({ id: messageIdFor('hook-1'), kind: 'booking_eve', purpose: 'service', language: 'zh-CN', to: { phone: '+8613800138002', name: '李小红' }, body: '李小红您好：明天 15:00 见。' });

    answer = { status: 400 };
    await enqueue(t, { dedupeKey: 'hook-2', clientId: 'no-mail' });
    await t.hub.core.outbox.delivery.tick();
    expect(stateOf(t, 'hook-2')).toMatchObject({ state: 'failed', lastError: { code: 'refused_permanent', detail: 'HTTP 400 nope' } });

    answer = { status: 200, hang: true };
    await enqueue(t, { dedupeKey: 'hook-3', clientId: 'no-mail' });
    await t.hub.core.outbox.delivery.tick();
    expect(stateOf(t, 'hook-3')).toMatchObject({ state: 'queued', lastError: { code: 'timeout' } });

    // The test button reaches the same gateway.
    answer = { status: 200 };
    expectOk(await send(boss.socket, 'outbox:testSend', { channel: 'webhook', to: '+86 138 0013 8000' }));
    expect(hook.received.at(-1)?.body).toMatchObject({ kind: 'test', to: { phone: '+8613800138000' } });
  });

  it('a gateway that is not there is a network failure, retried', async () => {
    const t = await hubWith({});
    const boss = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    expectOk(await send(boss.socket, 'outbox:settings', { smtp: null, webhookUrl: 'http://127.0.0.1:9/none', quietHours: null, dailyCap: null, maxAttempts: 5, keepBodiesDays: 30 }));
    await enqueue(t, { dedupeKey: 'hook-x', clientId: 'no-mail' });
    await t.hub.core.outbox.delivery.tick();
    expect(stateOf(t, 'hook-x')).toMatchObject({ state: 'queued', lastError: { code: 'network' } });
  });
});

describe('outbox file sender (the default)', () => {
  it('writes each message as an .eml a mail program opens, named by the message, through the store’s folder', async () => {
    const folder = new MemoryOutboxFolder();
    const t = await hubWith({ outboxFolder: folder });
    await enqueue(t, { dedupeKey: 'file-1' });
    await t.hub.core.outbox.delivery.tick();
    const name = `${messageIdFor('file-1')}.eml`;
    expect([...folder.files.keys()]).toEqual([name]);
    const mail = await simpleParser(folder.files.get(name)!);
    expect(mail.subject).toBe('明天的预约提醒');
    expect(mail.text?.trim()).toBe('王美丽您好：提醒您明天上午 10:00 的经典面部护理。期待您的光临！');
    expect(stateOf(t, 'file-1')).toMatchObject({ state: 'sent', channel: 'file' });
  });

  it('on disk: the data directory’s outbox folder', async () => {
    const t = await startHub({ seed: outboxSalon, timeZone: OUTBOX_ZONE, clock: () => now, store: 'lowdb' });
    cleanups.push(() => t.stop());
    // The folder main.ts gives the hub, on this test's data directory.
    const disk = new DiskOutboxFolder(t.dataDir!);
    const { FileSender } = await import('../../hub/src/services/outbox/senders/file-sender.ts');
    const result = await new FileSender(disk).send({ id: 'msg-1', channel: 'file', to: '+8613800138002', clientName: '李小红', subject: '生日快乐', body: '祝您生日快乐！', language: 'zh-CN', purpose: 'marketing', kind: 'birthday' });
    expect(result).toEqual({ ok: true, detail: 'outbox/msg-1.eml' });
    const mail = await simpleParser(await readFile(join(t.dataDir!, 'outbox', 'msg-1.eml')));
    expect(mail.subject).toBe('生日快乐');
    // A custom header is RFC 2047 encoded (mail programs show it decoded).
    const header = String(mail.headers.get('x-glow-client'));
    expect(Buffer.from(/^=\?UTF-8\?B\?(.+)\?=$/.exec(header)![1]!, 'base64').toString('utf8')).toBe('李小红');
  });
});
