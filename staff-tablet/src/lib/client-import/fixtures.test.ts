import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkImportRows } from '@glow/shared';
import { guessMapping } from './column-guess.ts';
import { mappedRows } from './mapped-rows.ts';
import { readClientFile } from './read-file.ts';

/** The fixture files of tests/fixtures/client-import read as the tablet reads them, then checked by the shared rules. */
const FIXTURES = new URL('../../../../tests/fixtures/client-import/', import.meta.url);
const NOW = Date.UTC(2026, 11, 3, 9, 0);

async function read(name: string, country: 'CN' | 'GB' = 'CN') {
  const file = new File([readFileSync(new URL(name, FIXTURES))], name);
  const sheet = await readClientFile(file);
  if ('kind' in sheet) throw new Error(`${name}: ${sheet.kind}`);
  const rows = mappedRows(sheet.rows, guessMapping(sheet.headers), sheet.lines);
  return { sheet, rows, checked: checkImportRows(rows, { country, now: NOW, timeZone: 'Asia/Shanghai', isClientPhone: () => false }, new Map()) };
}

const refusals = (r: { line: number; rule: string }[]) => r.map((x) => `${x.line}:${x.rule}`);

describe('client fixture files', () => {
  it.each(['clients-gb18030.csv', 'clients-utf8-bom.csv'])('%s: Chinese headers and names, good and bad rows', async (name) => {
    const { sheet, rows, checked } = await read(name);
    expect(sheet.headers).toEqual(['姓名', '手机', '生日']);
    expect(rows[0]).toMatchObject({ firstName: '王芳', phone: '138 0013 8101', birthday: '1988-03-12' });
    expect(checked.accepted.map((r) => r.firstName)).toEqual(['王芳', '李娜', '孙丽']);
    expect(checked.accepted[2]!.birthday).toBe('1992-07-08');
    expect(refusals(checked.refused)).toEqual(['4:phone_format', '5:birthday_format', '6:import_duplicate_in_file', '7:birthday_future']);
  });

  it('clients-utf8.csv (a British salon): English headers, a quoted comma, the same mobile written two ways, a missing first name', async () => {
    const { checked } = await read('clients-utf8.csv', 'GB');
    expect(checked.accepted.map((r) => [r.firstName, r.lastName, r.phone, r.birthday])).toEqual([
      ['Amy', 'Chen', '+447700900123', '1985-06-01'],
      ['Li, Na', '', '+8613800138201', null],
    ]);
    expect(refusals(checked.refused)).toEqual(['4:phone_format', '5:birthday_format', '6:import_duplicate_in_file', '7:required']);
  });

  it('clients.xlsx: 姓 and 名字 apart, a real date cell', async () => {
    const { sheet, checked } = await read('clients.xlsx');
    expect(sheet.headers).toEqual(['姓', '名字', '电话', '出生日期']);
    expect(checked.accepted).toEqual([
      { line: 2, firstName: '芳', lastName: '王', phone: '+8613800138301', birthday: '1988-03-12' },
      { line: 3, firstName: '娜', lastName: '李', phone: '+8613800138302', birthday: null },
    ]);
    expect(refusals(checked.refused)).toEqual(['4:phone_format', '5:import_duplicate_in_file', '6:birthday_format']);
  });
});
