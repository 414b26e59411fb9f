/**
 * Keeps the screen on (Screen Wake Lock API, #14) until the returned function is called. The browser drops the lock
 * whenever the page is hidden, so it is taken again each time the page is visible. Where the API is missing or refused
 * (not a secure context, battery saver) the screen may sleep: the device's own display settings are the fallback.
 * `<html data-wake-lock>` says which (held, released, unavailable), for whoever looks at the tablet's page.
 */
export function keepScreenOn(): () => void {
  let sentinel: WakeLockSentinel | null = null;
  let stopped = false;
  const mark = (state: 'held' | 'released' | 'unavailable') => (document.documentElement.dataset.wakeLock = state);

  async function acquire(): Promise<void> {
    if (stopped || sentinel || document.visibilityState !== 'visible') return;
    if (!('wakeLock' in navigator)) return void mark('unavailable');
    try {
      const lock = await navigator.wakeLock.request('screen');
      if (stopped) return void lock.release();
      sentinel = lock;
      mark('held');
      lock.addEventListener('release', () => {
        sentinel = null;
        mark('released');
      });
    } catch {
      mark('unavailable');
    }
  }
  const onVisibility = () => void acquire();
  document.addEventListener('visibilitychange', onVisibility);
  void acquire();
  return () => {
    stopped = true;
    document.removeEventListener('visibilitychange', onVisibility);
    void sentinel?.release();
    sentinel = null;
  };
}
