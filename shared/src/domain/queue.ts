import type { Id } from '../schemas/common.schema.ts';
import type { Visit } from '../schemas/visit.schema.ts';
import { compareIds } from './floor.ts';

const byRank = (a: Visit, b: Visit): number => a.queueRank - b.queueRank || compareIds(a, b);

/**
 * The new `queueRank` that puts `visitId` just before `beforeVisitId` in the queue (or last, when it is null or not
 * in the queue), without renumbering anyone else: the midpoint between the new neighbours, one less than the first,
 * or one more than the last. The queue is the queued visits by rank (then id). A move to where the visit already is
 * returns its current rank. When two neighbours share a rank (or doubles run out of room between them after ~50
 * moves into the same gap) the midpoint equals one of them and the tie goes by id.
 */
export function reorderRank(visits: readonly Visit[], visitId: Id, beforeVisitId: Id | null): number {
  const queue = visits.filter((v) => v.state === 'queued').sort(byRank);
  const self = visits.find((v) => v.id === visitId);
  const current = self?.queueRank ?? 0;
  if (beforeVisitId === visitId) return current;
  const others = queue.filter((v) => v.id !== visitId);
  const at = beforeVisitId === null ? -1 : others.findIndex((v) => v.id === beforeVisitId);
  const selfIndex = queue.findIndex((v) => v.id === visitId);

  if (at === -1) {
    const last = others[others.length - 1];
    if (!last) return current;
    if (selfIndex === queue.length - 1 && selfIndex > -1) return current;
    return last.queueRank + 1;
  }
  const next = others[at] as Visit;
  const prev = others[at - 1];
  // Already just before it.
  if (selfIndex > -1 && queue[selfIndex + 1]?.id === next.id) return current;
  return prev ? prev.queueRank + (next.queueRank - prev.queueRank) / 2 : next.queueRank - 1;
}
