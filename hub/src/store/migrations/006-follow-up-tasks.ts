import type { Migration } from './migration.ts';

/**
 * Follow-up tasks (#16) are a new collection in a partition of their own, `followUpTasks`. Data written before them
 * has no such partition (the manifest lists it as added later, so a snapshot without it loads with the collection
 * empty) and no journal line names it: there is nothing to rewrite. A journal line or partition that does carry the
 * key with a non-object value (never written by any Glow) is given the empty collection, so the schema reports real
 * damage only. The version records in the manifest that the data may hold tasks.
 */
export const followUpTasks: Migration = {
  version: 6,
  name: 'follow-up tasks start as an empty collection',
  up: (data) => {
    if (!('followUpTasks' in data)) return data;
    const tasks = data['followUpTasks'];
    if (typeof tasks === 'object' && tasks !== null && !Array.isArray(tasks)) return data;
    return { ...data, followUpTasks: {} };
  },
};
