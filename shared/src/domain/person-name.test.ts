import { describe, expect, it } from 'vitest';
import { formatPersonName } from './person-name.ts';

describe('a person’s name, written by its script', () => {
  it('puts a Chinese family name first with no space, in every form', () => {
    expect(formatPersonName({ firstName: '小明', lastName: '王' })).toBe('王小明');
    expect(formatPersonName({ firstName: '小明', lastName: '王' }, 'board')).toBe('王小明');
    expect(formatPersonName({ firstName: ' 美 ', lastName: '林' }, 'board')).toBe('林美');
  });

  it('writes other names given name first, the board with the family name’s initial', () => {
    expect(formatPersonName({ firstName: 'Xiaoming', lastName: 'Wang' })).toBe('Xiaoming Wang');
    expect(formatPersonName({ firstName: 'Xiaoming', lastName: 'Wang' }, 'board')).toBe('Xiaoming W.');
    expect(formatPersonName({ firstName: 'Zoë', lastName: 'Ängström' }, 'board')).toBe('Zoë Ä.');
  });

  it('writes only the part there is', () => {
    expect(formatPersonName({ firstName: 'Mei', lastName: '' }, 'board')).toBe('Mei');
    expect(formatPersonName({ firstName: '小明', lastName: '  ' })).toBe('小明');
  });
});
