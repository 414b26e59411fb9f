import { describe, expect, it } from 'vitest';
import { boardName } from './board-name.ts';

describe('a client’s name on the staff tablets', () => {
  it('is family name first and whole for a Chinese name, not "小明 王."', () => {
    expect(boardName({ firstName: '小明', lastName: '王' })).toBe('王小明');
  });

  it('is the first name and the family name’s initial otherwise, and "?" for a client no longer here', () => {
    expect(boardName({ firstName: 'Lina', lastName: 'Zhou' })).toBe('Lina Z.');
    expect(boardName(undefined)).toBe('?');
  });
});
