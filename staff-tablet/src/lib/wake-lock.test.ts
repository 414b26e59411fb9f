import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepScreenOn } from './wake-lock.ts';

/** A page with a visibility state and a Screen Wake Lock API that counts what it was asked. */
function fakePage(withApi = true) {
  const listeners = new Map<string, () => void>();
  const documentElement = { dataset: {} as Record<string, string> };
  const doc = {
    visibilityState: 'visible' as 'visible' | 'hidden',
    documentElement,
    addEventListener: (name: string, fn: () => void) => listeners.set(name, fn),
    removeEventListener: (name: string) => listeners.delete(name),
  };
  const held: { released: boolean; fire: () => void }[] = [];
  const wakeLock = {
    request: vi.fn(async () => {
      let onRelease: () => void = () => {};
      const sentinel = {
        released: false,
        addEventListener: (_: string, fn: () => void) => (onRelease = fn),
        release: async () => {
          sentinel.released = true;
          onRelease();
        },
      };
      held.push({ get released() { return sentinel.released; }, fire: () => void sentinel.release() });
      return sentinel;
    }),
  };
  vi.stubGlobal('document', doc);
  vi.stubGlobal('navigator', withApi ? { wakeLock } : {});
  return { doc, wakeLock, held, listeners, state: () => documentElement.dataset.wakeLock };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('keepScreenOn', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('holds the screen, takes it again when the page comes back after the browser dropped it, and lets go on stop', async () => {
    const page = fakePage();
    const stop = keepScreenOn();
    await settle();
    expect(page.wakeLock.request).toHaveBeenCalledTimes(1);
    expect(page.state()).toBe('held');
    // Hidden: the browser releases the lock; visible again: it is taken again.
    page.doc.visibilityState = 'hidden';
    page.held[0]?.fire();
    await settle();
    expect(page.state()).toBe('released');
    page.doc.visibilityState = 'visible';
    page.listeners.get('visibilitychange')?.();
    await settle();
    expect(page.wakeLock.request).toHaveBeenCalledTimes(2);
    expect(page.state()).toBe('held');
    stop();
    await settle();
    expect(page.held[1]?.released).toBe(true);
    expect(page.listeners.has('visibilitychange')).toBe(false);
  });

  it('says when the screen cannot be kept on (no API, e.g. not a secure context)', async () => {
    const page = fakePage(false);
    keepScreenOn()();
    await settle();
    expect(page.state()).toBe('unavailable');
  });
});
