import { describe, expect, it } from 'vitest';
import { describeStartFailure, type StartContext } from './start-up-failure.ts';
import { MemoryStore } from './store/memory.store.ts';
import { StoreError } from './store/store.port.ts';

const context = (store = new MemoryStore()): StartContext => ({
  store,
  dataDir: '/srv/glow/data',
  port: 8443,
  acceptLossHint: 'start once with GLOW_ACCEPT_DATA_LOSS=1',
});

describe('describeStartFailure', () => {
  it('says how to accept a loss only when the store could start from what is left', () => {
    const lossy = describeStartFailure(new StoreError('corrupt', 'The data is damaged.\nRestore it.', { canAcceptLoss: true }), context());
    expect(lossy).toEqual({
      message: 'The data is damaged. Restore it. Or, to start with what is left and lose the missing changes for good, start once with GLOW_ACCEPT_DATA_LOSS=1.',
      exitCode: 2,
      expected: true,
    });
    expect(describeStartFailure(new StoreError('corrupt', 'The data is damaged.'), context()).message).not.toMatch(/GLOW_ACCEPT/);
  });

  it('names a full disk, wherever it surfaced', () => {
    const io = describeStartFailure(new StoreError('io', 'Could not open the data directory: ENOSPC no space left'), context());
    expect(io).toMatchObject({ exitCode: 2, expected: true });
    expect(io.message).toMatch(/^cannot save to the data directory \/srv\/glow\/data: the disk is full .*Free some space/);
    // The engine's own refusal ("busy") hides the cause; the store's last write tells it.
    const store = new MemoryStore();
    store.failNextAppend(new StoreError('io', 'ENOSPC: no space left on device'));
    return store.open().then(async () => {
      await store.append({ seq: 1, at: 1, commandId: null, command: 'salon:seed', changes: {} }).catch(() => {});
      const busy = describeStartFailure(new Error('The hub is busy or shutting down.'), context(store));
      expect(busy.message).toMatch(/the disk is full/);
      expect(busy.exitCode).toBe(2);
    });
  });

  it('says a port in use plainly, and keeps an unknown error as a bug (not expected: its stack is logged)', () => {
    const inUse = describeStartFailure(Object.assign(new Error('listen EADDRINUSE: address already in use'), { code: 'EADDRINUSE' }), context());
    expect(inUse).toMatchObject({ exitCode: 1, expected: true });
    expect(inUse.message).toMatch(/port 8443 is already in use/);
    expect(describeStartFailure(new TypeError('x is undefined'), context())).toEqual({ message: 'x is undefined', exitCode: 1, expected: false });
  });

  it('says plainly that the data is from a newer Glow, with no hint to accept a loss', () => {
    const newer = describeStartFailure(
      new StoreError('newer', 'The data in /srv/glow/data was written by a newer version of Glow (manifest.json: format 2, data version 9).'),
      context(),
    );
    expect(newer).toMatchObject({ exitCode: 2, expected: true });
    expect(newer.message).toMatch(/^The data in \/srv\/glow\/data was written by a newer version of Glow/);
    expect(newer.message).not.toMatch(/GLOW_ACCEPT/);
  });
});
