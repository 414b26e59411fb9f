import { describe, expect, it } from 'vitest';
import { maskName } from './name-mask.ts';

describe('maskName', () => {
  it('shows the family name’s first letter and the first name', () => {
    expect(maskName('Mei', 'Lin')).toBe('L** Mei');
    expect(maskName('anna', 'park')).toBe('P** anna');
    expect(maskName(' Zoë ', ' Østergaard ')).toBe('Ø** Zoë');
  });

  it('writes a Chinese name family name first, without a space', () => {
    expect(maskName('小明', '王')).toBe('王**小明');
    expect(maskName('美玲', '欧阳')).toBe('欧**美玲');
    expect(maskName('美玲', '')).toBe('**美玲');
  });

  it('keeps an emoji or a combined character whole and copes with mixed scripts', () => {
    expect(maskName('Mei 🌸', '🌸Lin')).toBe('🌸** Mei 🌸');
    expect(maskName('Mei', '林 Lin')).toBe('林**Mei');
    expect(maskName('Ana', 'e\u0301lan')).toBe('E\u0301** Ana');
    expect(maskName('Sam', '')).toBe('** Sam');
  });
});
