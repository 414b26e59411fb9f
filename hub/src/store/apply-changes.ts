import type { Changes, CollectionName, HubState } from './hub-state.ts';

/**
 * Applies one command's changes to the state in place. The live hub and journal replay both use this, so the state
 * after a restart is the state before it.
 */
export function applyChanges(state: HubState, changes: Changes): void {
  for (const [key, records] of Object.entries(changes)) {
    if (key === 'meta') {
      Object.assign(state.meta, records);
      continue;
    }
    const collection = state[key as CollectionName] as Record<string, unknown>;
    for (const [id, record] of Object.entries(records as Record<string, unknown>)) {
      if (record === null) delete collection[id];
      else collection[id] = record;
    }
  }
}
