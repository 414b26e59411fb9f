import { describe, expect, it } from 'vitest';
import { writtenName } from './person-name.ts';

describe('writtenName', () => {
  it('writes a Chinese name family name first without a space, a Latin one given name first', () => {
    expect(writtenName({ firstName: '美丽', lastName: '王' })).toBe('王美丽');
    expect(writtenName({ firstName: 'Zoë', lastName: 'Müller' })).toBe('Zoë Müller');
    expect(writtenName({ firstName: 'Ann', lastName: '' })).toBe('Ann');
  });
});
