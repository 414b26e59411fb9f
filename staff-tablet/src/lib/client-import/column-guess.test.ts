import { describe, expect, it } from 'vitest';
import { guessMapping } from './column-guess.ts';

describe('guessMapping', () => {
  it('reads English headers', () => {
    expect(guessMapping(['First name', 'Last name', 'Mobile', 'Date of birth'])).toEqual({ firstName: 0, lastName: 1, phone: 2, birthday: 3 });
  });
  it('reads Chinese headers, 姓 apart from 名字', () => {
    expect(guessMapping(['姓', '名字', '手机号码', '生日'])).toEqual({ firstName: 1, lastName: 0, phone: 2, birthday: 3 });
    expect(guessMapping(['姓名', '电话', '备注'])).toEqual({ firstName: 0, lastName: null, phone: 1, birthday: null });
  });
  it('leaves unknown columns unmapped', () => {
    expect(guessMapping(['Notes', 'Spent'])).toEqual({ firstName: null, lastName: null, phone: null, birthday: null });
  });
});
