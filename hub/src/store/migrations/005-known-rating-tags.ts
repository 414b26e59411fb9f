import { updateRecords, type Migration } from './migration.ts';

/**
 * The tags a rating could carry when the hub began refusing unknown ones (frozen here: a later change to the list
 * in shared must not change what this migration did).
 */
const KNOWN_TAGS: ReadonlySet<unknown> = new Set(['friendly', 'professional', 'clean', 'relaxing', 'too_long', 'too_painful']);

/**
 * Before the hub checked rating tags against the vocabulary, a closed visit's rating could hold any id. Such a tag
 * named nothing any screen could show; the rating keeps only the tags of the vocabulary (and its other answers).
 */
export const knownRatingTags: Migration = {
  version: 5,
  name: 'ratings keep only the tags of the vocabulary',
  up: (data) =>
    updateRecords(data, 'visits', (visit) => {
      const rating = visit['rating'];
      if (typeof rating !== 'object' || rating === null) return visit;
      const tags = (rating as { tags?: unknown }).tags;
      if (!Array.isArray(tags) || tags.every((tag) => KNOWN_TAGS.has(tag))) return visit;
      return { ...visit, rating: { ...rating, tags: tags.filter((tag) => KNOWN_TAGS.has(tag)) } };
    }),
};
