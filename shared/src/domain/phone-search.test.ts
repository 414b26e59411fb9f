import { describe, expect, it } from 'vitest';
import { nationalDigits, withoutTrunkZero } from './phone-search.ts';

describe('nationalDigits', () => {
  it("gives a number of the salon's country without its country code, and null for another country's", () => {
    expect(nationalDigits('+8613800138000', 'CN')).toBe('13800138000');
    expect(nationalDigits('+447946095800', 'GB')).toBe('7946095800');
    expect(nationalDigits('+447946095800', 'CN')).toBeNull();
  });

  it('drops a trunk zero from typed digits', () => {
    expect(withoutTrunkZero('07946095')).toBe('7946095');
    expect(withoutTrunkZero('1380')).toBe('1380');
  });
});
