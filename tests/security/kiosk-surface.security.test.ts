import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { KIOSK_COMMANDS, type Ack, type ClientLookupResult } from '@glow/shared';
import { checkIn, connectKiosk, expectOk, newCommandId, startHub, type TestHub } from '../support/hub-harness.ts';
import { expectExplainedRefusal } from './support/ack-checks.ts';

type ZodLike = { _zod: { def: Record<string, unknown> & { type: string } } };
const isSchema = (v: unknown): v is ZodLike => typeof v === 'object' && v !== null && '_zod' in v;

/** Every object schema reachable from `schema` that would let a field it does not name through (not `.strict()`). */
function openObjects(schema: ZodLike, path: string, seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def;
  const found: string[] = [];
  if (def.type === 'object') {
    const catchall = def.catchall as ZodLike | undefined;
    if (catchall?._zod.def.type !== 'never') found.push(path || '(root)');
    for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
      if (isSchema(child)) found.push(...openObjects(child, path ? `${path}.${key}` : key, seen));
    }
    return found;
  }
  for (const value of Object.values(def)) {
    for (const child of Array.isArray(value) ? value : [value]) if (isSchema(child)) found.push(...openObjects(child, path, seen));
  }
  return found;
}

const lookup = (socket: Socket, phone: string, extra: object = {}) =>
  socket.timeout(5000).emitWithAck('client:lookup', { commandId: newCommandId(), phone, ...extra }) as Promise<Ack<ClientLookupResult>>;

describe('the kiosk’s surface', () => {
  let t: TestHub;
  afterEach(async () => {
    await t?.stop();
  });

  it('every kiosk command payload is a whitelist: each object in it, at any depth, refuses fields it does not name', async () => {
    const names = Object.keys(KIOSK_COMMANDS) as (keyof typeof KIOSK_COMMANDS)[];
    expect(names.length).toBeGreaterThanOrEqual(1);
    for (const name of names) expect(openObjects(KIOSK_COMMANDS[name].input as unknown as ZodLike, ''), name).toEqual([]);

    // And on the wire: an extra field anywhere is refused, naming it, and nothing is stored.
    t = await startHub();
    const { socket } = await connectKiosk(t.url);
    const revision = t.hub.revision;
    const extraTop = await (socket as unknown as Socket).timeout(5000).emitWithAck('visit:checkIn', {
      commandId: newCommandId(),
      client: { firstName: 'Extra', phone: '+15550002222' },
      serviceId: 'nails-gel',
      language: 'en',
      isAdmin: true,
    });
    const extraNested = await (socket as unknown as Socket).timeout(5000).emitWithAck('visit:checkIn', {
      commandId: newCommandId(),
      client: { firstName: 'Extra', phone: '+15550002222', clientId: 'someone-else' },
      serviceId: 'nails-gel',
      language: 'en',
    });
    for (const ack of [extraTop, extraNested]) {
      expect(ack.ok).toBe(false);
      expect(ack.error.code).toBe('invalid_input');
      expectExplainedRefusal(ack.error, 'en', 'extra field');
    }
    expect(extraTop.error.issues.length).toBeGreaterThan(0);
    expect(t.hub.revision).toBe(revision);
  });

  it('phone look-ups: a known and an unknown number answer alike (shape, pattern, repeatability, timing), and the rate limit holds per kiosk', async () => {
    let now = Date.now();
    t = await startHub({ clock: () => now });
    const kiosk = (await connectKiosk(t.url)).socket;
    const zh = (await connectKiosk(t.url, 'zh-CN')).socket as unknown as Socket;
    const known = '+15550003333';
    expectOk(await checkIn(kiosk, { firstName: 'Mei', lastName: 'Lin', phone: known }));
    const unknown = '+15550004444';
    const socket = kiosk as unknown as Socket;
    const nextWindow = () => (now += 61_000);

    nextWindow();
    const answers = { known: [] as ClientLookupResult[], unknown: [] as ClientLookupResult[] };
    const ms = { known: [] as number[], unknown: [] as number[] };
    for (let round = 0; round < 8; round++) {
      // Three of each per window: the limit (six a minute) is not what this part is about.
      for (const which of ['known', 'unknown', 'known', 'unknown', 'known', 'unknown'] as const) {
        const started = performance.now();
        const ack = await lookup(socket, which === 'known' ? known : unknown);
        ms[which].push(performance.now() - started);
        answers[which].push(expectOk(ack));
      }
      nextWindow();
    }
    // "L** Mei", or for a Chinese name "王**小明".
    const masked = /^\S\*\* ?\S/u;
    for (const which of ['known', 'unknown'] as const) {
      const first = answers[which][0]!;
      expect(first.choices).toHaveLength(3);
      for (const choice of first.choices) expect(choice, which).toMatch(masked);
      // Repeating a number repeats its answer (so repeating cannot tell decoys from the real name)…
      for (const a of answers[which]) expect(a.choices, which).toEqual(first.choices);
      // …but never its look-up id.
      expect(new Set(answers[which].map((a) => a.lookupId)).size).toBe(answers[which].length);
      expect(Object.keys(first).sort()).toEqual(Object.keys(answers.unknown[0]!).sort());
      expect(first.expiresAt - now).toBe(answers.unknown[0]!.expiresAt - now);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`look-up ms, median known ${median(ms.known).toFixed(2)} / unknown ${median(ms.unknown).toFixed(2)}`);
    expect(Math.abs(median(ms.known) - median(ms.unknown))).toBeLessThan(5);

    // The limit: six look-ups a minute per kiosk; the seventh is refused, saying why in the kiosk's language, and a
    // new socket from the same kiosk does not reset it.
    nextWindow();
    for (let i = 0; i < 6; i++) expectOk(await lookup(socket, `+1555001${String(1000 + i)}`));
    const seventh = await lookup(socket, '+15550019999');
    expect(seventh.ok).toBe(false);
    if (!seventh.ok) {
      expect(seventh.error.code).toBe('rate_limited');
      expectExplainedRefusal(seventh.error, 'en', 'seventh look-up');
    }
    const again = await lookup(zh, '+15550019998');
    expect(again.ok).toBe(false);
    if (!again.ok) expectExplainedRefusal(again.error, 'zh-CN', 'look-up from a new socket');
    nextWindow();
    expectOk(await lookup(socket, '+15550019997'));

    // Picking decides nothing for an unknown number: every choice answers "not known".
    nextWindow();
    for (const choice of [0, 1, 2, null] as const) {
      const { lookupId } = expectOk(await lookup(socket, unknown));
      const confirm = (await socket.timeout(5000).emitWithAck('client:confirm', { commandId: newCommandId(), lookupId, choice })) as Ack<{ known: boolean }>;
      expect(expectOk(confirm).known).toBe(false);
    }
  });
});
