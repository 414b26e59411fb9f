import { describe, expect, it } from 'vitest';
import type { Namespace } from 'socket.io';
import type { StaffPatch } from '@glow/shared';
import { demoState, testVisit } from '../../services/test-state.ts';
import type { HubState } from '../../store/hub-state.ts';
import { AUDIENCE_ROOM_PREFIX, Publisher, THROTTLE_FACTOR, THROTTLE_MIN_QUEUE } from './publisher.ts';

/** A namespace with one room of the given audience that records what is emitted to it. */
function fakeNamespace(audience: string, sent: unknown[]): Namespace {
  return {
    adapter: { rooms: new Map([[AUDIENCE_ROOM_PREFIX + audience, new Set(['socket-1'])]]) },
    to: () => ({ emit: (_event: string, patch: unknown) => sent.push(patch) }),
  } as unknown as Namespace;
}

/** A publisher over `state` whose replays each appear to cost `costMs` on its monotonic clock. */
function publisherOver(state: HubState, costMs: number) {
  let monotonic = 0;
  const sent: StaffPatch[] = [];
  const stale: number[] = [];
  const publisher = new Publisher(
    { kiosk: fakeNamespace('none', []), staff: fakeNamespace('floor', sent) },
    () => state,
    () => Object.values(state.visits),
    () => 1_000,
    () => [],
    0,
    {
      onStale: (inMs) => stale.push(inMs),
      // Every reading advances the clock by half the cost, so that start→end of a replay measures `costMs`.
      monotonic: () => (monotonic += costMs / 2),
    },
  );
  return { publisher, sent, stale, advance: (ms: number) => (monotonic += ms) };
}

/** A queue long enough for the throttle to apply (its length, not only its cost, decides). */
function longQueue(state: HubState): void {
  for (let i = 0; i < THROTTLE_MIN_QUEUE; i++) queue(state, `q${i}`);
}

function queue(state: HubState, id: string): HubState['visits'] {
  const visit = testVisit({ id, state: 'queued', times: { checked_in: 900, queued: 900 }, queueRank: 900 });
  state.visits[id] = visit;
  return { [id]: visit };
}

describe('publisher: waits of a long queue', () => {
  it.each([
    { what: 'a long queue while a replay is cheap', long: true, costMs: 1 },
    { what: 'a short queue however slow the machine is', long: false, costMs: 40 },
  ])('replays $what for every publish', async ({ long, costMs }) => {
    const state = await demoState();
    if (long) longQueue(state);
    const { publisher, sent, stale } = publisherOver(state, costMs);
    publisher.current();
    publisher.publish({ visits: queue(state, 'v1') }, 2);
    await new Promise((r) => setImmediate(r));
    publisher.publish({ visits: queue(state, 'v2') }, 3);
    expect(sent.at(-1)?.set.visits?.['v2']?.state).toBe('queued');
    expect(publisher.current().estimates.byVisit.has('v2')).toBe(true);
    expect(stale).toEqual([]);
  });

  it('keeps the last waits of a long queue for a moment after an expensive replay and asks for a catch-up', async () => {
    const state = await demoState();
    longQueue(state);
    const { publisher, sent, stale, advance } = publisherOver(state, 40);
    publisher.current();
    advance(40 * THROTTLE_FACTOR);
    publisher.publish({ visits: queue(state, 'v1') }, 2);
    await new Promise((r) => setImmediate(r));
    // Right after a 40 ms replay: the new visit goes out with its record, the waits are those of the last replay.
    publisher.publish({ visits: queue(state, 'v2') }, 3);
    expect(sent.at(-1)?.set.visits?.['v2']?.state).toBe('queued');
    expect(publisher.current().estimates.byVisit.has('v2')).toBe(false);
    expect(stale).toHaveLength(1);
    expect(stale[0]).toBeGreaterThan(0);
    expect(stale[0]).toBeLessThanOrEqual(40 * THROTTLE_FACTOR);
    // What the catch-up tick asks: the views at this moment differ from what was published.
    expect(publisher.changedAt(1_000)).toBe(true);
    // Once the replay may run again, the next publish carries the estimate.
    advance(40 * THROTTLE_FACTOR);
    await new Promise((r) => setImmediate(r));
    publisher.publish({}, 4);
    expect(publisher.current().estimates.byVisit.has('v2')).toBe(true);
  });
});
