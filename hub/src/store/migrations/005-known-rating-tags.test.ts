import { describe, expect, it } from 'vitest';
import { RATING_TAGS } from '@glow/shared';
import { knownRatingTags } from './005-known-rating-tags.ts';

const rating = (tags: unknown[]) => ({ csat: 2, nps: null, tags, comment: 'Too hot' });

describe('migration 5: known rating tags', () => {
  it('keeps only the tags of the vocabulary, and the rest of the rating', () => {
    expect(knownRatingTags.up({ visits: { v: { id: 'v', rating: rating(['friendly', 'made-up', 'too_long']) } } })).toEqual({
      visits: { v: { id: 'v', rating: rating(['friendly', 'too_long']) } },
    });
  });

  it('leaves visits without a rating, or with known tags only, as they are', () => {
    const data = { visits: { a: { id: 'a', rating: null }, b: { id: 'b', rating: rating([...RATING_TAGS]) } } };
    expect(knownRatingTags.up(data)).toBe(data);
  });
});
