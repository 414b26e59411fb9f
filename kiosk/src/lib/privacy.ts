import { DEVICE_KEY } from './kiosk-device.ts';

/**
 * Forgets, in this browser, everything a client may have left: the kiosk itself keeps nothing about a client outside
 * memory (see MemoryStorage), but a lobby tablet is shared, so the reset clears the web storages and every IndexedDB
 * database as well, whatever put them there.
 */
export async function clearBrowserTraces(): Promise<void> {
  try {
    sessionStorage.clear();
    // The kiosk's own pairing is not a client's trace: it survives the reset (without it the kiosk is no kiosk).
    const pairing = localStorage.getItem(DEVICE_KEY);
    localStorage.clear();
    if (pairing !== null) localStorage.setItem(DEVICE_KEY, pairing);
  } catch {
    // storage disabled: nothing to clear
  }
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  try {
    const dbs = await indexedDB.databases();
    await Promise.all(
      dbs.map(
        (db) =>
          new Promise<void>((resolve) => {
            if (!db.name) return resolve();
            const req = indexedDB.deleteDatabase(db.name);
            req.onsuccess = req.onerror = req.onblocked = () => resolve();
          }),
      ),
    );
  } catch {
    // not allowed here: nothing the kiosk stored
  }
}
