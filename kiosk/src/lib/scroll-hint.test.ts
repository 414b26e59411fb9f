import { describe, expect, it } from 'vitest';
import { hasMoreBelow } from './scroll-hint.ts';

describe('a consent text box', () => {
  it('has more below until it is scrolled to the end', () => {
    expect(hasMoreBelow({ scrollTop: 0, clientHeight: 300, scrollHeight: 900 })).toBe(true);
    expect(hasMoreBelow({ scrollTop: 596, clientHeight: 300, scrollHeight: 900 })).toBe(false);
  });

  it('has nothing more when the whole text fits', () => {
    expect(hasMoreBelow({ scrollTop: 0, clientHeight: 300, scrollHeight: 300 })).toBe(false);
  });
});
