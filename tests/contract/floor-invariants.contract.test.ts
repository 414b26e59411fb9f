import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { holdsRoom, isFinal, isRecentLowRating } from '@glow/shared';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import { apply, floorMorning, op, START, startFloorHub } from '../support/floor-ops.ts';
import type { TestHub } from '../support/hub-harness.ts';

/**
 * Random sequences of floor commands, from random staff, through the real engine and the real decisions (the very
 * handlers the staff namespace binds, with the binder's schema and role checks), with the clock moving and the floor
 * tick running in between. After every step the floor must make sense.
 */

function checkInvariants(t: TestHub, step: string): void {
  const state = t.hub.core.engine.state;
  const active = Object.values(state.visits).filter((v) => !isFinal(v.state));
  const holding = active.filter((v) => holdsRoom(v.state));

  // The hub's active-visit index is exactly a full scan.
  expect(t.hub.core.active.list(state).map((v) => v.id).sort(), step).toEqual(active.map((v) => v.id).sort());
  // One active visit per room, one per beautician.
  const perRoom = new Map<string, number>();
  const perStaff = new Map<string, number>();
  for (const v of holding) {
    perRoom.set(v.roomId!, (perRoom.get(v.roomId!) ?? 0) + 1);
    perStaff.set(v.staffId!, (perStaff.get(v.staffId!) ?? 0) + 1);
  }
  for (const [room, n] of perRoom) expect(n, `${step}: room ${room}`).toBe(1);
  for (const [staff, n] of perStaff) expect(n, `${step}: beautician ${staff}`).toBe(1);
  // A visit is in one state only: holding one room and one beautician exactly when its state says so.
  for (const v of active) {
    if (holdsRoom(v.state)) {
      expect(v.roomId && v.staffId, `${step}: ${v.id} ${v.state} holds a room and a beautician`).toBeTruthy();
      expect(state.rooms[v.roomId!]?.visitId, `${step}: ${v.id} is the visit of its room`).toBe(v.id);
    } else {
      expect([v.roomId, v.staffId], `${step}: ${v.id} ${v.state} holds nothing`).toEqual([null, null]);
    }
  }
  // A room is occupied exactly when it holds an active visit.
  for (const room of Object.values(state.rooms)) {
    const held = room.visitId ? state.visits[room.visitId] : undefined;
    const holdsActive = !!held && holdsRoom(held.state) && held.roomId === room.id;
    expect(room.state === 'occupied', `${step}: ${room.id} is ${room.state}, visit ${room.visitId}`).toBe(holdsActive);
    if (room.state === 'cleaning') expect(room.cleaningUntil, `${step}: ${room.id} cleaning until`).not.toBeNull();
  }
  // Every queued visit has an estimate entry, and the floor view shows each active visit once, in its state, and
  // besides them only the visits closed with a low rating within the hour (at the published revision's time).
  const derived = t.hub.core.views.current();
  for (const v of active) if (v.state === 'queued') expect(derived.estimates.byVisit.has(v.id), `${step}: estimate for ${v.id}`).toBe(true);
  const view = t.hub.core.views.staffView({ kind: 'floor' });
  const lowRated = Object.values(state.visits).filter((v) => isRecentLowRating(v, derived.at));
  expect(Object.keys(view.visits).sort(), step).toEqual([...active, ...lowRated].map((v) => v.id).sort());
  for (const v of active) expect(view.visits[v.id]!.state).toBe(v.state);
  for (const [staffId, status] of Object.entries(view.availability)) {
    expect(status.visitId, `${step}: ${staffId} holds`).toBe(holding.find((v) => v.staffId === staffId)?.id ?? null);
  }
}

describe('the floor under random commands', () => {
  let seed: HubState | null = null;

  it('keeps its invariants after every step', async () => {
    seed ??= await floorMorning();
    const base = seed;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 150 }), async (ops) => {
        const clock = { now: START };
        const t = await startFloorHub(base, clock);
        const revisions: number[] = [];
        const next = t.hub.core.views.next.bind(t.hub.core.views);
        t.hub.core.views.next = (changes, revision) => {
          revisions.push(revision);
          return next(changes, revision);
        };
        try {
          checkInvariants(t, 'start');
          for (const [i, o] of ops.entries()) {
            await apply(t, clock, o);
            checkInvariants(t, `step ${i} (${o.kind})`);
          }
          for (let i = 1; i < revisions.length; i++) expect(revisions[i]).toBe(revisions[i - 1]! + 1);
          expect(revisions.at(-1) ?? t.hub.revision).toBe(t.hub.revision);
        } finally {
          await t.stop();
        }
      }),
      { numRuns: 40 },
    );
  });
});
