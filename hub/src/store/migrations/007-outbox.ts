import type { Migration } from './migration.ts';

/**
 * The outbox (#16) is a new collection in a partition of its own, `outbox`. Data written before it has no such
 * partition (the manifest lists it as added later, so a snapshot without it loads with the collection empty) and no
 * journal line names it: there is nothing to rewrite. A file or line that carries the key with a non-object value
 * (never written by any Glow) is given the empty collection, as migration 6 does for follow-up tasks. The version
 * matters all the same: a hub older than this one refuses data at version 7 instead of loading it and silently
 * dropping the messages it does not know (manifest-upgrade.ts).
 */
export const outboxCollection: Migration = {
  version: 7,
  name: 'the outbox starts as an empty collection',
  up: (data) => {
    if (!('outbox' in data)) return data;
    const messages = data['outbox'];
    if (typeof messages === 'object' && messages !== null && !Array.isArray(messages)) return data;
    return { ...data, outbox: {} };
  },
};
