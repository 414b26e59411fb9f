import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, DEFAULT_FOLLOW_UP_SETTINGS, salonDay, type FollowUpTask } from '@glow/shared';
import { closedFacial } from '../support/aftercare-visit.ts';
import { connectStaff, expectOk, pairDevice, send, startHub, type TestHub } from '../support/hub-harness.ts';
import { freshSnapshot, openTablet, until, type LiveTablet } from '../support/live-tablet.ts';

/**
 * Follow-up tasks on the wire (#16): a session closed on one tablet puts its 1-3-7 calls on the front desk's tablet
 * live (a patch, not a reload), each once; the beautician who served sees hers, another beautician none; the
 * manager's settings are refused with an unknown placeholder and saved when fixed; a sweep run twice changes nothing.
 */
describe('follow-up tasks reach the tablets live, each audience its own', () => {
  let t: TestHub;
  let desk: LiveTablet;
  let mei: LiveTablet;
  let anna: LiveTablet;

  beforeAll(async () => {
    t = await startHub();
    desk = await openTablet(t.url, await pairDevice(t, 'Desk'), { staffId: 'grace', pin: '4444' });
    mei = await openTablet(t.url, await pairDevice(t, 'Mei'), { staffId: 'mei', pin: '1111' });
    anna = await openTablet(t.url, await pairDevice(t, 'Anna'), { staffId: 'anna', pin: '2222' });
  });
  afterAll(async () => {
    for (const tablet of [desk, mei, anna]) tablet?.close();
    await t?.stop();
  });

  const tasksOf = (tablet: LiveTablet): FollowUpTask[] => Object.values(tablet.live.snapshot?.view.followUpTasks ?? {});

  it('closing a session creates its calls once, in the same revision, and the desk sees them live', async () => {
    const { socket } = await connectStaff(t, { staffId: 'grace', pin: '4444' });
    const snapshotsBefore = desk.snapshots;
    const { visitId, clientId } = await closedFacial(t, socket);
    socket.disconnect();

    const state = t.hub.core.engine.state;
    const created = Object.values(state.followUpTasks).filter((task) => task.visitId === visitId);
    const closedOn = salonDay(state.visits[visitId]!.times.closed!, state.meta.floor.timeZone)!;
    // A new client: day 1, the first-visit call on day 3 (not a second day-3 call), day 7 — for Mei, who served.
    expect(created.map((task) => [task.rule, task.dueDate]).sort()).toEqual(
      [
        ['day1', addDays(closedOn, 1)],
        ['day7', addDays(closedOn, 7)],
        ['first_visit_day3', addDays(closedOn, 3)],
      ].sort(),
    );
    expect(created.every((task) => task.clientId === clientId && task.assigneeId === 'mei' && task.state === 'open')).toBe(true);
    // Decided with the close itself, on its clock: the same journal entry.
    expect(created.every((task) => task.createdAt === state.visits[visitId]!.times.closed)).toBe(true);

    await until(() => tasksOf(desk).filter((task) => task.visitId === visitId).length === 3, 5000, 'the desk sees the three calls');
    // Live: by patches, not by a new snapshot.
    expect(desk.snapshots).toBe(snapshotsBefore);
    await until(() => tasksOf(mei).filter((task) => task.visitId === visitId).length === 3, 5000, 'Mei sees her calls');
  });

  it('a beautician sees only the tasks assigned to her: Anna none, on patches and on a fresh snapshot', async () => {
    expect(tasksOf(anna)).toEqual([]);
    const annaSnapshot = await freshSnapshot(anna);
    expect(annaSnapshot.view.followUpTasks).toEqual({});
    const meiSnapshot = await freshSnapshot(mei);
    expect(Object.values(meiSnapshot.view.followUpTasks).every((task) => task.assigneeId === 'mei')).toBe(true);
    expect(Object.keys(meiSnapshot.view.followUpTasks).length).toBeGreaterThan(0);
    // The settings are the manager's only.
    expect(meiSnapshot.view.followUpSettings).toEqual({});
    expect((await freshSnapshot(desk)).view.followUpSettings).toEqual({});
  });

  it('a fresh demo salon is swept at start-up and nothing was due (no client said yes to marketing)', async () => {
    const fresh = await startHub();
    try {
      await until(() => fresh.hub.revision > 0, 5000, 'started');
      const revision = fresh.hub.revision;
      expect(await fresh.hub.sweepFollowUps()).toBe(false);
      expect(fresh.hub.revision).toBe(revision);
      expect(fresh.hub.core.engine.state.followUpTasks).toEqual({});
      expect(fresh.hub.core.engine.state.outbox).toEqual({});
    } finally {
      await fresh.stop();
    }
  });

  it('the daily sweep run twice (a restart) creates nothing the second time', async () => {
    await t.hub.sweepFollowUps();
    const revision = t.hub.revision;
    const tasks = Object.keys(t.hub.core.engine.state.followUpTasks).length;
    expect(await t.hub.sweepFollowUps()).toBe(false);
    expect(t.hub.revision).toBe(revision);
    expect(Object.keys(t.hub.core.engine.state.followUpTasks)).toHaveLength(tasks);
  });

  it('the manager saves the settings; an unknown placeholder is refused in her language, a beautician may not save', async () => {
    const boss = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    const bad = {
      ...DEFAULT_FOLLOW_UP_SETTINGS,
      rules: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules, day1: { ...DEFAULT_FOLLOW_UP_SETTINGS.rules.day1, wording: { en: 'Hello {nmae}', 'zh-CN': '您好' } } },
    };
    const refused = await send(boss.socket, 'followUps:saveSettings', { settings: bad });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.message).toBe('{nmae} is not a placeholder this wording can use. You can use: {name} {salon} {service} {date}.');
      expect(refused.error.issues?.[0]?.field).toBe('settings.rules.day1.wording.en');
    }
    expect(t.hub.core.engine.state.meta.followUps).toBeUndefined();

    const good = { ...bad, rules: { ...bad.rules, day1: { ...bad.rules.day1, wording: { en: 'Hello {name}', 'zh-CN': '{name}您好' } } } };
    expectOk(await send(boss.socket, 'followUps:saveSettings', { settings: good }));
    expect(t.hub.core.engine.state.meta.followUps?.rules.day1.wording.en).toBe('Hello {name}');
    boss.socket.disconnect();

    const beautician = await connectStaff(t, { staffId: 'mei', pin: '1111' });
    const denied = await send(beautician.socket, 'followUps:saveSettings', { settings: good });
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.error.code).toBe('forbidden');
    beautician.socket.disconnect();
  });
});
