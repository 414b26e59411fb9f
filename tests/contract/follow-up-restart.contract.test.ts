import { afterEach, describe, expect, it } from 'vitest';
import { addDays, salonDay } from '@glow/shared';
import { closedFacial } from '../support/aftercare-visit.ts';
import { connectStaff, startHub, type TestHub } from '../support/hub-harness.ts';

/**
 * Follow-ups across a hub restart on the same data directory (#16): the tasks a close and a sweep created are on
 * disk with the commands that made them, and the sweep the restarted hub runs at start-up (the same salon day)
 * finds every key used — nothing is created twice.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('follow-ups and a restart', () => {
  it('creates nothing twice after a restart on the same day', async () => {
    const first = await startHub({ store: 'lowdb' });
    const dataDir = first.dataDir!;
    const { socket } = await connectStaff(first, { staffId: 'grace', pin: '4444' });
    const { clientId } = await closedFacial(first, socket);
    socket.disconnect();

    // The client says yes to marketing and has her birthday in three days: the sweep owes her a birthday card.
    const zone = first.hub.core.engine.state.meta.floor.timeZone;
    const today = salonDay(Date.now(), zone)!;
    const birthday = `1992-${addDays(today, 3).slice(5)}`; // a leap year: any day exists in it
    await first.hub.core.engine.execute({ command: 'test:client', commandId: null, language: 'en' }, (state) => {
      const client = state.clients[clientId]!;
      return { changes: { clients: { [clientId]: { ...client, birthday, consents: [...(client.consents ?? []), { kind: 'marketing', version: 1, granted: true, at: 1 }] } } }, result: {} };
    });
    expect(await first.hub.sweepFollowUps()).toBe(true);
    const before = structuredClone(first.hub.core.engine.state.followUpTasks);
    expect(Object.values(before).map((task) => task.rule).sort()).toEqual(['birthday_card', 'day1', 'day7', 'first_visit_day3']);
    await first.hub.stop();

    const again = await startHub({ store: 'lowdb', dataDir });
    cleanups.push(async () => {
      await again.stop();
      const { rm } = await import('node:fs/promises');
      await rm(dataDir, { recursive: true, force: true });
    });
    // The start-up sweep has run (or runs now): the same tasks, none added.
    expect(await again.hub.sweepFollowUps()).toBe(false);
    expect(again.hub.core.engine.state.followUpTasks).toEqual(before);
  });
});
