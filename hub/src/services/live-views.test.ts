import { describe, expect, it } from 'vitest';
import type { Namespace } from 'socket.io';
import { estimateAll, type StaffPatch } from '@glow/shared';
import { DerivedFigures } from '../../services/derived-figures.ts';
import { floorOf } from '../../services/floor-of.ts';
import { demoState, testVisit } from '../../services/test-state.ts';
import type { HubState } from '../../store/hub-state.ts';
import { AUDIENCE_ROOM_PREFIX, Publisher } from './publisher.ts';

/** A namespace with one room of the given audience that records what is emitted to it. */
function fakeNamespace(audience: string, sent: unknown[]): Namespace {
  return {
    adapter: { rooms: new Map([[AUDIENCE_ROOM_PREFIX + audience, new Set(['socket-1'])]]) },
    to: () => ({ emit: (_event: string, patch: unknown) => sent.push(patch) }),
  } as unknown as Namespace;
}

const NOW = 1_000;

function publisherOver(state: HubState) {
  const sent: StaffPatch[] = [];
  const active = () => Object.values(state.visits);
  const publisher = new Publisher(
    { kiosk: fakeNamespace('none', []), staff: fakeNamespace('floor', sent) },
    () => state,
    active,
    () => NOW,
    () => [],
    0,
    new DerivedFigures(() => state, active),
  );
  return { publisher, sent };
}

function queue(state: HubState, id: string, rank: number): HubState['visits'] {
  const visit = testVisit({ id, state: 'queued', times: { checked_in: 900, queued: 900 }, queueRank: rank });
  state.visits[id] = visit;
  return { [id]: visit };
}

/** Every queued visit's wait as a replay of the whole floor gives it. */
const fullReplay = (state: HubState) =>
  estimateAll(floorOf(state, Object.values(state.visits)), NOW, state.meta.floor, Object.values(state.services)).byVisit;

describe('publisher: waits', () => {
  it('carries the present waits of a long queue in every patch, never those of an earlier revision', async () => {
    const state = await demoState();
    for (let i = 0; i < 300; i++) queue(state, `q${String(i).padStart(3, '0')}`, i);
    const { publisher, sent } = publisherOver(state);
    publisher.current();
    for (const [i, id] of ['v1', 'v2', 'v3'].entries()) {
      publisher.publish({ visits: queue(state, id, 1_000 + i) }, 2 + i);
      await new Promise((r) => setImmediate(r));
      const expected = fullReplay(state);
      expect(publisher.current().estimates.byVisit).toEqual(expected);
      expect(sent.at(-1)?.set.visits?.[id]?.estimateMin).toBe(expected.get(id));
    }
  });
});
