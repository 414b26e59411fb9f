import { afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { KIOSK_COMMANDS, type Ack, type CommandOutput } from '@glow/shared';
import { checkIn, connectKiosk, expectOk, newCommandId, startHub, type TestHub } from '../support/hub-harness.ts';
import { expectExplainedRefusal } from './support/ack-checks.ts';
import { kioskCheckIn } from '../support/kiosk-check-in.ts';

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

type CheckInResult = CommandOutput<typeof KIOSK_COMMANDS, 'visit:checkIn'>;
/** "I have been here before" with a phone number: the kiosk's only identity attempt by number. */
const returning = (socket: Socket, phone: string) =>
  socket
    .timeout(5000)
    .emitWithAck('visit:checkIn', kioskCheckIn({ commandId: newCommandId(), returning: { phone }, serviceId: 'nails-gel', language: 'en', sameAsLast: true })) as Promise<
    Ack<CheckInResult>
  >;

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
      ...kioskCheckIn({ client: { firstName: 'Extra', phone: '+15550002222' }, serviceId: 'nails-gel' }),
      isAdmin: true,
    });
    const extraNested = await (socket as unknown as Socket).timeout(5000).emitWithAck('visit:checkIn', {
      ...kioskCheckIn({ client: { firstName: 'Extra', phone: '+15550002222' }, serviceId: 'nails-gel' }),
      client: { firstName: 'Extra', phone: '+15550002222', clientId: 'someone-else' },
    });
    for (const ack of [extraTop, extraNested]) {
      expect(ack.ok).toBe(false);
      expect(ack.error.code).toBe('invalid_input');
      expectExplainedRefusal(ack.error, 'en', 'extra field');
    }
    expect(extraTop.error.issues.length).toBeGreaterThan(0);
    expect(t.hub.revision).toBe(revision);
  });

  it('phone check-ins: a known and an unknown number answer alike (content, no name), and the rate limit holds per kiosk', async () => {
    let now = Date.now();
    t = await startHub({ clock: () => now, kioskCheckIns: { burst: 1000, perSecond: 100 } });
    const paired = await connectKiosk(t.url);
    const kiosk = paired.socket;
    const zh = (await connectKiosk(t.url, 'zh-CN', paired.device)).socket as unknown as Socket;
    const known = '+15550003333';
    expectOk(await checkIn(kiosk, { firstName: 'Mei', lastName: 'Lin', phone: known }));
    const unknown = '+1555000444'; // + one digit per round: a possible North American number
    const socket = kiosk as unknown as Socket;
    const nextWindow = () => (now += 61_000);
    const active = () => t.hub.core.active.list(t.hub.core.engine.state);
    // Between rounds the floor is cleared by hand (as if each visit ended), so "already checked in" is not the answer.
    const endAll = async () => {
      for (const v of active()) {
        await t.hub.core.engine.execute({ command: 'test:end', commandId: null, language: 'en' }, () => ({
          changes: { visits: { [v.id]: { ...v, state: 'cancelled' as const } } },
          result: {},
        }));
      }
    };

    const answers = { known: [] as CheckInResult[], unknown: [] as CheckInResult[] };
    const ms = { known: [] as number[], unknown: [] as number[] };
    for (let round = 0; round < 6; round++) {
      nextWindow();
      for (const which of ['known', 'unknown'] as const) {
        await endAll();
        const started = performance.now();
        const ack = await returning(socket, which === 'known' ? known : `${unknown}${round}`);
        ms[which].push(performance.now() - started);
        answers[which].push(expectOk(ack));
      }
    }
    for (let i = 0; i < answers.known.length; i++) {
      const [k, u] = [answers.known[i]!, answers.unknown[i]!];
      expect(Object.keys(k).sort()).toEqual(Object.keys(u).sort());
      // The wait is the published walk-in wait of the moment (the same path for both numbers; the floor changes
      // between them here): everything else is equal.
      expect({ ...k, visitId: '', ticket: '', estimateMin: 0 }).toEqual({ ...u, visitId: '', ticket: '', estimateMin: 0 });
      expect(k.firstName).toBeNull();
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Reported, not asserted (no timed assertions): the bench measures it.
    console.log(`phone check-in ms, median known ${median(ms.known).toFixed(2)} / unknown ${median(ms.unknown).toFixed(2)}`);

    // The limit: six phone check-ins a minute per kiosk; the seventh is refused, saying why in the kiosk's language,
    // and a new socket of the same kiosk does not reset it.
    await endAll();
    nextWindow();
    for (let i = 0; i < 6; i++) expectOk(await returning(socket, `+1555001${String(1000 + i)}`));
    const seventh = await returning(socket, '+15550019999');
    expect(seventh.ok).toBe(false);
    if (!seventh.ok) {
      expect(seventh.error.code).toBe('rate_limited');
      expectExplainedRefusal(seventh.error, 'en', 'seventh phone check-in');
    }
    const again = (await zh.timeout(5000).emitWithAck('visit:checkIn', kioskCheckIn({
      commandId: newCommandId(),
      returning: { phone: '+15550019998' },
      serviceId: 'nails-gel',
      language: 'zh-CN',
    }))) as Ack<CheckInResult>;
    expect(again.ok).toBe(false);
    if (!again.ok) expectExplainedRefusal(again.error, 'zh-CN', 'phone check-in from a new socket');
    nextWindow();
    expectOk(await returning(socket, '+15550019997'));
  });
});
