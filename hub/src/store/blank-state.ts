import { emptyState, MetaSchema, type HubState, type Meta } from './hub-state.ts';

/**
 * The base for replaying a journal from its very first entry, before any snapshot exists. It has no meta: the hub
 * must write the salon's settings either in a first checkpoint (`checkpoint(emptyState(meta), 0)`) or as the meta
 * changes of its first entry. A state still lacking them after replay is refused, never completed with defaults.
 */
export function blankState(): HubState {
  return emptyState({} as Meta);
}

export function hasCompleteMeta(state: HubState): boolean {
  return MetaSchema.safeParse(state.meta).success;
}
