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

describe('the refused-row report', () => {
  it('holds each refused row as it was in the file, with its number and why', async () => {
    const { refusedCsv } = await import('./mapped-rows.ts');
    const csv = refusedCsv(['Name', 'Phone'], [['Li', '123'], ['=cmd()', '138']], [2, 4], [{ line: 4, field: 'phone', rule: 'phone_format' }], () => 'Phone: not a number', { line: 'Line', why: 'Why' });
    expect(csv).toBe('\uFEFFLine,Name,Phone,Why\r\n4,"\'=cmd()",138,Phone: not a number');
  });
});
