import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { KIOSK_COMMANDS, STAFF_COMMANDS, type Language } from '@glow/shared';
import { createHttpApp } from '../../hub/src/transport/http/http-app.ts';
import { checkIn, connectKiosk, connectStaff, expectOk, newCommandId, startHub, type TestHub } from '../support/hub-harness.ts';
import { expectAck, expectExplainedRefusal } from './support/ack-checks.ts';

/** 10,000 cases in all: commands share COMMAND_CASES, routes ROUTE_CASES, however many of each there are today. */
const COMMAND_CASES = 7_000;
const ROUTE_CASES = 3_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_124);

const nasty = fc.constantFrom(
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  '<script>alert(1)</script>',
  "'; DROP TABLE visits; --",
  '\u0000',
  '\ud800',
  '💅'.repeat(200),
  'a'.repeat(5_000),
  '../../../etc/passwd',
  '%2e%2e%2f',
  'NaN',
  '-1',
  '1e309',
  '2026-02-30',
  '+0000000000000000000000',
);
const idLike = fc.stringMatching(/^[A-Za-z0-9_-]{1,70}$/);
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nasty,
  idLike,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 80 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 6 }),
  fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), nasty), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
);

/** The top-level keys a command's schema knows, to build payloads that get past the first check and deeper in. */
function keysOf(schema: unknown): string[] {
  const s = schema as { shape?: Record<string, unknown>; def?: { in?: unknown; innerType?: unknown } };
  if (s.shape) return Object.keys(s.shape);
  if (s.def?.in) return keysOf(s.def.in);
  if (s.def?.innerType) return keysOf(s.def.innerType);
  return [];
}

/**
 * What a real client would send: ids that exist on this hub (visits, rooms, staff, services…), languages, phones,
 * names, ratings. Mixed into the fields, they let payloads past validation and into the decisions.
 */
function plausible(ids: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...ids) },
    fc.constantFrom('en', 'zh-CN', '+15550001234', 'Ann', 'a note', 'other', 'pressure'),
    fc.boolean(),
    fc.integer({ min: 0, max: 5 }),
    fc.constant(null),
    fc.constant({ firstName: 'Ann', lastName: 'Lee', phone: '+15550009876' }),
    fc.constant({ csat: 4 }),
    fc.constant({ serviceIds: ['facial-classic'], durationMin: 60, notes: '' }),
  );
}

/** A payload for one command: anything at all, or its own fields (some missing, some extra) with hostile values. */
function payloads(schema: unknown, ids: string[]): fc.Arbitrary<unknown> {
  const keys = keysOf(schema).filter((k) => k !== 'commandId');
  const field = fc.oneof({ weight: 1, arbitrary: value }, { weight: 2, arbitrary: plausible(ids) });
  const shaped = fc
    .record(
      {
        commandId: fc.oneof({ weight: 4, arbitrary: fc.constant(null).map(() => newCommandId()) }, { weight: 1, arbitrary: value }),
        ...Object.fromEntries(keys.map((k) => [k, field])),
        extra: value,
      },
      { requiredKeys: ['commandId'] },
    )
    .map((r) => r as Record<string, unknown>);
  // Every field present, each a plausible value, nothing extra: the payloads that reach the decisions.
  const nearValid = fc
    .record({ ...Object.fromEntries(keys.map((k) => [k, plausible(ids)])) })
    .map((r) => ({ commandId: newCommandId(), ...(r as Record<string, unknown>) }));
  return fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 4, arbitrary: shaped },
    { weight: 4, arbitrary: nearValid },
  );
}

/** Every page the hub serves runs only the inline scripts its own CSP names by hash; none allows 'unsafe-inline'. */
function expectScriptsAllowed(html: string, headers: Headers, label: string): void {
  const policy = headers.get('content-security-policy') ?? '';
  expect(policy, `${label}: no CSP`).not.toBe('');
  const scriptSrc = (/(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? /(?:^|;)\s*default-src ([^;]*)/.exec(policy)?.[1] ?? '').split(/\s+/);
  expect(scriptSrc, label).not.toContain("'unsafe-inline'");
  for (const [, body] of html.matchAll(/<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    const hash = `'sha256-${createHash('sha256').update(body ?? '', 'utf8').digest('base64')}'`;
    expect(scriptSrc, `${label}: an inline script its CSP does not allow`).toContain(hash);
  }
}

const languageOf = (raw: unknown, socket: Language): Language => {
  const lang = typeof raw === 'object' && raw !== null ? (raw as { language?: unknown }).language : undefined;
  return lang === 'en' || lang === 'zh-CN' ? lang : socket;
};

describe('fuzzing every command and every HTTP route (fast-check)', () => {
  let t: TestHub;
  beforeAll(async () => {
    // Thousands of payloads as fast as the hub answers are what this sends: the rate limits (tested on their own in
    // socket-limits.security.test.ts) would only turn them into rate_limited answers, so they are lifted here.
    const unbounded = { burst: 1_000_000, perSecond: 1_000_000 };
    t = await startHub({ staticDirs: true, socketLimits: { socketCommands: unbounded, deviceCommands: unbounded }, kioskCheckIns: unbounded });
  });
  afterAll(async () => {
    await t.stop();
  });

  it(`${COMMAND_CASES} hostile payloads over every kiosk and staff command: every answer is an Ack, every refusal says why in the sender's language`, async () => {
    const kioskEn = await connectKiosk(t.url, 'en');
    const kioskZh = await connectKiosk(t.url, 'zh-CN');
    const kiosks = { en: kioskEn.socket, 'zh-CN': kioskZh.socket };
    // The manager may send every staff command, so each payload reaches its schema and, when valid, its decision.
    const manager = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const managerZh = await connectStaff(t, { staffId: 'olivia', pin: '9999' }, manager.device);
    (managerZh.socket.auth as Record<string, unknown>).language = 'zh-CN';
    managerZh.socket.disconnect().connect();
    await new Promise((r) => managerZh.socket.once('sync:snapshot', r));
    const staff = { en: manager.socket, 'zh-CN': managerZh.socket };
    // Some visits on the floor, so that real ids exist to aim at.
    for (let i = 0; i < 8; i++) expectOk(await checkIn(kiosks.en, { firstName: `Fuzz${i}`, phone: `+1555000${String(2000 + i)}` }));
    const state = t.hub.core.engine.state as unknown as Record<string, Record<string, unknown>>;
    const ids = Object.entries(state)
      .filter(([name]) => !['meta', 'commands', 'credentials'].includes(name))
      .flatMap(([, records]) => Object.keys(records ?? {}))
      // Revoking its own tablet or kiosk would (rightly) disconnect the fuzzing socket: aim at every other id.
      .filter((id) => ![manager.device.deviceId, kioskEn.device.deviceId, kioskZh.device.deviceId].includes(id));

    // Signing out and in last: they change who the socket is.
    const names = [
      ...Object.keys(KIOSK_COMMANDS).map((name) => ({ name, kiosk: true, spec: KIOSK_COMMANDS[name as keyof typeof KIOSK_COMMANDS] })),
      ...Object.keys(STAFF_COMMANDS)
        .sort((a, b) => Number(a.startsWith('auth:')) - Number(b.startsWith('auth:')))
        .map((name) => ({ name, kiosk: false, spec: STAFF_COMMANDS[name as keyof typeof STAFF_COMMANDS] })),
    ];
    const perCommand = Math.ceil(COMMAND_CASES / names.length);
    let sent = 0;
    const outcomes = new Map<string, number>();
    for (const [n, { name, kiosk, spec }] of names.entries()) {
      const cases = fc.sample(fc.tuple(payloads(spec.input, ids), fc.constantFrom<Language>('en', 'zh-CN')), { numRuns: perCommand, seed: SEED + n });
      for (let i = 0; i < cases.length; i += 25) {
        await Promise.all(
          cases.slice(i, i + 25).map(async ([raw, socketLanguage]) => {
            const socket = (kiosk ? kiosks : staff)[socketLanguage] as unknown as Socket;
            const ack = await socket.timeout(10_000).emitWithAck(name, raw);
            const label = `${name} ${JSON.stringify(raw).slice(0, 300)}`;
            expectAck(ack, languageOf(raw, socketLanguage), label);
            const key = `${name}: ${(ack as { ok: boolean; error?: { code: string } }).ok ? 'ok' : (ack as { error: { code: string } }).error.code}`;
            outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
          }),
        );
      }
      sent += cases.length;
    }
    console.log(`fuzz commands: ${sent} payloads over ${names.length} commands (seed ${SEED}); answers: ${[...outcomes].map(([k, v]) => `${k} ×${v}`).join(', ')}`);
    expect(sent).toBeGreaterThanOrEqual(COMMAND_CASES);

    // Still standing: a plain check-in goes through.
    expectOk(await checkIn(kiosks.en, { firstName: 'After', phone: '+15550001111' }));
  });

  it(`${ROUTE_CASES} hostile requests over every HTTP route Hono knows: never a 5xx, every refusal says why`, async () => {
    // The routes as registered, so that routes added later are fuzzed without touching this test.
    const routes = [...new Map(createHttpApp(t.hub.core).routes.map((r) => [`${r.method} ${r.path}`, r])).values()];
    const encode = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd')).slice(0, 200);
    const segment = fc.oneof(idLike, nasty.map(encode), fc.constant('A'.repeat(43)));
    const request = fc.record({
      route: fc.constantFrom(...routes),
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'),
      params: fc.array(segment, { minLength: 3, maxLength: 3 }),
      body: fc.oneof(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), fc.string({ maxLength: 200 }), nasty, fc.constant(undefined)),
      type: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined),
      language: fc.constantFrom<Language>('en', 'zh-CN'),
      query: fc.oneof(fc.constant(''), fc.constant('?lang=zh-CN'), segment.map((s) => `?lang=${s}&x=${s}`)),
    });
    const cases = fc.sample(request, { numRuns: ROUTE_CASES, seed: SEED });
    const statuses = new Map<number, number>();
    for (let i = 0; i < cases.length; i += 20) {
      await Promise.all(
        cases.slice(i, i + 20).map(async (c) => {
          let p = 0;
          const path = c.route.path.replace(/:[A-Za-z]+|\*/g, () => c.params[p++ % 3]!);
          const method = c.route.method === 'ALL' ? c.method : c.route.method;
          const headers: Record<string, string> = { 'accept-language': c.language === 'zh-CN' ? 'zh-CN,zh;q=0.9' : 'en' };
          if (c.type) headers['content-type'] = c.type;
          const withBody = method !== 'GET' && method !== 'HEAD' && c.body !== undefined;
          const res = await fetch(t.url + path + c.query, { method, headers, ...(withBody ? { body: c.body } : {}) });
          const text = await res.text();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const label = `${method} ${path}${c.query} ${c.type ?? ''} → ${res.status}`;
          expect(res.status, `${label}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if ((res.headers.get('content-type') ?? '').includes('text/html')) expectScriptsAllowed(text, res.headers, label);
          if (res.status < 400 || method === 'HEAD') return;
          if ((res.headers.get('content-type') ?? '').includes('application/json')) {
            const body = JSON.parse(text) as { ok: boolean; error: unknown };
            expect(body.ok, label).toBe(false);
            // The query's ?lang= only picks the language of the phone pages; the API follows Accept-Language.
            expectExplainedRefusal(body.error, c.language, label);
          } else {
            // A page (an unknown link, a 404 of the phone pages): it says something, not an empty answer.
            expect(text.replace(/<[^>]+>/g, '').trim().length, `${label}: empty refusal`).toBeGreaterThan(10);
          }
        }),
      );
    }
    console.log(`fuzz routes: ${cases.length} requests over ${routes.length} routes (seed ${SEED}); statuses ${[...statuses].sort().map(([s, n]) => `${s}×${n}`).join(' ')}`);
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
  });
});
