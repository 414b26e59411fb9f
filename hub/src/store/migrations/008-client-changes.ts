import type { Migration } from './migration.ts';

/**
 * The client change log (#16: the desk's corrections and the manager's merges) is a new collection in a partition of
 * its own, `clientChanges`. Data written before it has no such partition (the manifest lists it as added later, so a
 * snapshot without it loads with the collection empty) and no journal line names it: there is nothing to rewrite. A
 * file or line that carries the key with a non-object value (never written by any Glow) is given the empty
 * collection, as migrations 6 and 7 do. The version keeps an older hub from loading the data and dropping the log.
 */
export const clientChangesCollection: Migration = {
  version: 8,
  name: 'the client change log starts as an empty collection',
  up: (data) => {
    if (!('clientChanges' in data)) return data;
    const changes = data['clientChanges'];
    if (typeof changes === 'object' && changes !== null && !Array.isArray(changes)) return data;
    return { ...data, clientChanges: {} };
  },
};
