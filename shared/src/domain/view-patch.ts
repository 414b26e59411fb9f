import type { Patch } from '../contracts/views.ts';

type Collections = Record<string, Record<string, unknown>>;

/** Applies a patch to a view and returns the new view; the input is not modified. */
export function applyPatch<V extends Collections>(view: V, patch: Patch<V>): V {
  const next: Collections = { ...view };
  for (const [name, entries] of Object.entries(patch.set)) {
    if (entries) next[name] = { ...next[name], ...(entries as Record<string, unknown>) };
  }
  for (const [name, ids] of Object.entries(patch.del)) {
    if (!ids || !(ids as string[]).length) continue;
    const copy = { ...next[name] };
    for (const id of ids as string[]) delete copy[id];
    next[name] = copy;
  }
  return next as V;
}

/** True when the patch does not follow the revision the client holds: it must ask for a fresh snapshot. */
export const isGap = (heldRevision: number, patch: { revision: number }): boolean => patch.revision !== heldRevision + 1;
