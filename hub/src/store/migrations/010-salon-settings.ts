import type { Migration, StoredData } from './migration.ts';

/**
 * What the salon's settings were when data written before them was read with defaults (frozen here: a later change
 * to the defaults a new salon starts with, in the seed, must not change what this migration did).
 */
const BOOKING_THEN = {
  openingHours: [
    null,
    { start: '09:00', end: '19:00' },
    { start: '09:00', end: '19:00' },
    { start: '09:00', end: '19:00' },
    { start: '09:00', end: '20:00' },
    { start: '09:00', end: '20:00' },
    { start: '10:00', end: '17:00' },
  ],
  holdMinutes: 5,
  changeCutoffHours: 24,
  horizonDays: 56,
  slotStepMin: 15,
  linkDaysAfter: 2,
  maxUpcomingPerClient: 3,
  earlyMin: 30,
  lateMin: 15,
};
const AFTERCARE_THEN = { linkDays: 30, reportWindowDays: 7, followUpDays: [1, 3, 7], contact: { phone: '', address: { en: '', 'zh-CN': '' } } };

/** The catalogue's lists (#13): a salon from before them has none yet (the catalogue's start-up upgrade names them). */
const CATALOGUE_LISTS = ['categories', 'skills', 'equipment', 'products'] as const;

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Settings a salon's data gained after it was first written: the incident list, the booking and aftercare settings
 * in `meta`, and the catalogue's lists beside the services. Only a whole `meta` is completed (the settings
 * partition's, which always holds the hub's key): a journal line's `meta` names only the fields it replaced and must
 * not gain others. The lists are added empty to data that holds the services (the settings partition, or a journal
 * line that changed services, where an empty collection changes nothing).
 */
export const salonSettings: Migration = {
  version: 10,
  name: 'salon settings and catalogue lists from before they existed',
  up: (data) => withCatalogueLists(withWholeMeta(data)),
};

function withWholeMeta(data: StoredData): StoredData {
  const meta = data['meta'];
  if (!isObject(meta) || !('sessionKey' in meta)) return data;
  const missing = {
    ...('incidents' in meta ? {} : { incidents: {} }),
    ...('booking' in meta ? {} : { booking: structuredClone(BOOKING_THEN) }),
    ...('aftercare' in meta ? {} : { aftercare: structuredClone(AFTERCARE_THEN) }),
  };
  return Object.keys(missing).length ? { ...data, meta: { ...meta, ...missing } } : data;
}

function withCatalogueLists(data: StoredData): StoredData {
  if (!('services' in data)) return data;
  const missing = CATALOGUE_LISTS.filter((list) => !(list in data));
  return missing.length ? { ...data, ...Object.fromEntries(missing.map((list) => [list, {}])) } : data;
}
