import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPatch, type StaffPatch, type StaffSnapshot, type StaffView, type VisitCard } from '@glow/shared';
import type { Socket } from 'socket.io-client';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import { apply, floorMorning, op, START, startFloorHub } from '../support/floor-ops.ts';
import { connectStaff, type TestHub } from '../support/hub-harness.ts';
import { until } from '../support/live-tablet.ts';
import { decideEnqueueMessage } from '../../hub/src/services/outbox/enqueue-message.ts';

/**
 * Who sees what, proven on the wire: real tablets signed in as two beauticians and the front desk record their whole
 * stream (the snapshot after sign-in, every patch, and a snapshot asked for at the end) while random floor commands
 * run. A beautician's stream never carries a visit of anyone else's, nor any other client data (bookings, tasks,
 * complaints), and is never told of a visit it did not hold; the front desk's never carries health answers.
 */

type Stream = { who: string; socket: Socket; view: StaffView; revision: number; messages: (StaffSnapshot | StaffPatch)[] };

const WITHHELD = { status: 'withheld', flags: [], answers: [] };
/** The text of a message in the outbox (#16): only the manager may read it (outbox:list), no tablet's stream. */
const OUTBOX_TEXT = 'Private reminder 7f3a for the client';
const BEAUTICIANS = [
  { staffId: 'mei', pin: '1111' },
  { staffId: 'anna', pin: '2222' },
];

async function openStream(t: TestHub, login: { staffId: string; pin: string }): Promise<Stream> {
  const { socket, snapshot } = await connectStaff(t, login);
  const stream: Stream = { who: login.staffId, socket: socket as unknown as Socket, view: snapshot.view, revision: snapshot.revision, messages: [snapshot] };
  stream.socket.on('sync:snapshot', (s: StaffSnapshot) => {
    stream.messages.push(s);
    stream.view = s.view;
    stream.revision = s.revision;
  });
  stream.socket.on('sync:patch', (p: StaffPatch) => {
    // A beautician is told to drop only what it holds: a deletion of anything else would say that it exists.
    for (const id of p.del.visits ?? []) expect(stream.view.visits[id], `${stream.who} told to drop ${id}`).toBeDefined();
    stream.messages.push(p);
    stream.view = applyPatch(stream.view, p);
    stream.revision = p.revision;
  });
  return stream;
}

const visitCardsOf = (m: StaffSnapshot | StaffPatch): VisitCard[] =>
  Object.values(('view' in m ? m.view.visits : m.set.visits) ?? {}) as VisitCard[];

/** Everything a beautician was sent is about their own visits, and nothing else about any client. */
function checkBeautician(stream: Stream, seen: { own: number }): void {
  for (const m of stream.messages) {
    for (const card of visitCardsOf(m)) {
      expect(card.staffId, `${stream.who} was sent ${card.id} of ${card.staffId}`).toBe(stream.who);
      seen.own += 1;
    }
    const parts = ('view' in m ? m.view : m.set) as Partial<StaffView>;
    // Follow-up calls: only those assigned to her.
    for (const task of Object.values(parts.followUpTasks ?? {})) {
      expect(task.assigneeId, `${stream.who} was sent follow-up ${task.id} of ${task.assigneeId}`).toBe(stream.who);
    }
    for (const name of ['bookings', 'tasks', 'complaints', 'incidents', 'availability', 'devices', 'followUpSettings'] as const) {
      expect(Object.keys(parts[name] ?? {}), `${stream.who} was sent ${name}`).toEqual([]);
    }
  }
}

/** Nothing the front desk was sent carries a consultation's answers or flags, or the raw answers or signature. */
function checkDesk(stream: Stream, seen: { cards: number }): void {
  for (const m of stream.messages) {
    for (const card of visitCardsOf(m)) {
      expect(card.consultation, `desk was sent the consultation of ${card.id}`).toEqual(WITHHELD);
      expect(Object.keys(card)).not.toContain('answers');
      expect(Object.keys(card)).not.toContain('signature');
      seen.cards += 1;
    }
  }
}

describe('who sees what, on the wire', () => {
  let seed: HubState | null = null;

  it("a beautician's stream never carries another's client, and the desk's never health answers (fast-check)", async () => {
    seed ??= await floorMorning();
    const base = seed;
    const seen = { own: 0, cards: 0, consulted: 0, messages: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 15, maxLength: 60 }), async (ops) => {
        const clock = { now: START };
        const t = await startFloorHub(base, clock);
        try {
          const beauticians = [await openStream(t, BEAUTICIANS[0]!), await openStream(t, BEAUTICIANS[1]!)];
          const desk = await openStream(t, { staffId: 'grace', pin: '4444' });
          const streams = [...beauticians, desk];
          for (const o of ops) {
            await apply(t, clock, o);
            const revision = t.hub.core.views.revision;
            await until(() => streams.every((s) => s.revision >= revision), 5000, `every stream at revision ${revision}`);
          }
          // A message for one of the clients goes through the outbox (queued, claimed, sent: three revisions).
          const clientId = Object.keys(t.hub.core.engine.state.clients)[0];
          if (clientId) {
            const message = { clientId, purpose: 'service' as const, kind: 'booking_eve', language: 'en' as const, subject: OUTBOX_TEXT, body: OUTBOX_TEXT, dedupeKey: 'privacy', notBefore: 0 };
            await t.hub.core.engine.execute({ command: 'test:enqueue', commandId: null, language: 'en' }, (s, now) => ({ changes: decideEnqueueMessage(s, now, message), result: {} }));
            await t.hub.core.outbox.delivery.tick();
            seen.messages += 1;
            const revision = t.hub.core.views.revision;
            await until(() => streams.every((s) => s.revision >= revision), 5000, `every stream at revision ${revision}`);
          }
          for (const s of streams) s.messages.push(await s.socket.timeout(5000).emitWithAck('sync:resync'));
          for (const s of streams) expect(JSON.stringify(s.messages), `${s.who} was sent an outbox message`).not.toContain(OUTBOX_TEXT);
          for (const s of beauticians) checkBeautician(s, seen);
          checkDesk(desk, seen);
          seen.consulted += Object.values(t.hub.core.engine.state.visits).filter((v) => Object.keys(v.answers ?? {}).length > 0).length;
        } finally {
          await t.stop();
        }
      }),
      { numRuns: 12 },
    );
    // The runs put visits in the beauticians' hands and health answers on the hub: the checks above were not empty.
    expect(seen.own).toBeGreaterThan(0);
    expect(seen.cards).toBeGreaterThan(0);
    expect(seen.consulted).toBeGreaterThan(0);
    expect(seen.messages).toBeGreaterThan(0);
  });
});
