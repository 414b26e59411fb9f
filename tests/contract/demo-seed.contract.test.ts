import { afterEach, describe, expect, it } from 'vitest';
import { createHub, type Hub } from '@glow/hub';
import { silentLogger } from '../../hub/src/logger.ts';
import { randomId } from '../../hub/src/security/secrets.ts';
import { demoSalonCommands } from '../../hub/src/seed/demo-commands.ts';
import { demoSalon, salonAwaitingSetup } from '../../hub/src/seed/salon-seed.ts';
import { emptyMemoryDisk, MemoryStore } from '../../hub/src/store/memory.store.ts';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import { connectStaff, expectOk, send, type TestHub } from '../support/hub-harness.ts';

/**
 * `npm run serve -- --demo` (#13): the first start seeds a salon awaiting its set-up and then runs the demo's commands
 * on the live engine, each journaled as the manager's command it is. What it builds is what the tests' demoSalon()
 * builds, and the demo's logins (README) work.
 */
describe('the demo salon at first start', () => {
  let hub: Hub | null = null;
  afterEach(async () => {
    await hub?.stop();
    hub = null;
  });

  /** What two salons should share: everything but the hub's own key and the PINs' salts. */
  const comparable = (s: HubState) => {
    const { sessionKey: _key, ...meta } = s.meta;
    const { credentials, commands: _commands, ...records } = s;
    return { ...records, meta, credentials: Object.keys(credentials).sort() };
  };

  it('is built by its commands on the live engine, one journal entry each, and equals the tests’ demo salon', async () => {
    const disk = emptyMemoryDisk();
    const commands = demoSalonCommands('en', 'UTC');
    hub = createHub({
      store: new MemoryStore(disk),
      clock: Date.now,
      newId: randomId,
      logger: silentLogger,
      seed: async () => salonAwaitingSetup('UTC'),
      seedCommands: commands,
      timeZone: 'UTC',
      version: 'test',
    });
    const { url } = await hub.listen(0, '127.0.0.1');

    // The waiting salon is the first snapshot; the journal after it holds each command under its own name, in order.
    expect(disk.snapshot?.revision).toBe(1);
    expect(disk.snapshot?.state.meta.salon.setUp).toBe(false);
    expect(disk.journal.slice(0, commands.length).map((e) => e.command)).toEqual(commands.map((c) => c.command));
    expect(JSON.stringify(disk.journal)).not.toContain('"2222"');

    expect(comparable(hub.core.engine.state)).toEqual(comparable(await demoSalon('en', 'UTC')));

    // The README's logins work, and the demo's manager runs the salon as any manager does.
    const t: TestHub = { hub, url, store: new MemoryStore(disk), dataDir: null, stop: async () => {} };
    const olivia = await connectStaff(t, { staffId: 'olivia', pin: '9999' });
    expect(olivia.session?.role).toBe('manager');
    expect(Object.keys(olivia.snapshot.view.services)).toHaveLength(5);
    const anna = await connectStaff(t, { staffId: 'anna', pin: '2222' });
    expect(anna.session?.role).toBe('beautician');
    expectOk(await send(olivia.socket, 'catalogue:category', { id: null, name: { en: 'Brows', 'zh-CN': '眉毛' }, consultation: false, archived: false }));
    olivia.socket.disconnect();
    anna.socket.disconnect();
  });

  it('runs the commands only on the first start: a restart keeps the salon as it is', async () => {
    const disk = emptyMemoryDisk();
    const deps = {
      clock: Date.now,
      newId: randomId,
      logger: silentLogger,
      seed: async () => salonAwaitingSetup('UTC'),
      seedCommands: demoSalonCommands('en', 'UTC'),
      timeZone: 'UTC',
      version: 'test',
    };
    hub = createHub({ ...deps, store: new MemoryStore(disk) });
    await hub.listen(0, '127.0.0.1');
    const revision = hub.revision;
    await hub.stop();
    hub = createHub({ ...deps, store: new MemoryStore(disk) });
    await hub.listen(0, '127.0.0.1');
    expect(hub.revision).toBe(revision);
    expect(Object.keys(hub.core.engine.state.staff).sort()).toEqual(['anna', 'grace', 'mei', 'olivia', 'sofia']);
  });
});
