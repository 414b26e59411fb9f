import { describe, expect, it } from 'vitest';
import { checkImportRow, checkImportRows, normalizeBirthday, type ImportRow } from './import-rows.ts';

const NOW = Date.UTC(2026, 11, 3, 9, 0);
const ctx = { country: 'CN' as const, now: NOW, timeZone: 'Asia/Shanghai', isClientPhone: (p: string) => p === '+8613900000000' };
const row = (over: Partial<ImportRow> = {}): ImportRow => ({ line: 2, firstName: 'Li', lastName: 'Na', phone: '138 0013 8000', birthday: '', ...over });

describe('checkImportRow', () => {
  it('accepts a row and stores the number in E.164 with the salon country', () => {
    expect(checkImportRow(row({ birthday: '1990/4/5' }), ctx)).toEqual({
      ok: true,
      row: { line: 2, firstName: 'Li', lastName: 'Na', phone: '+8613800138000', birthday: '1990-04-05' },
    });
  });

  it('reads local numbers with the salon country given', () => {
    const r = checkImportRow(row({ phone: '020 7946 0958' }), { ...ctx, country: 'GB' });
    expect(r.ok && r.row.phone).toBe('+442079460958');
  });

  it.each([
    [{ firstName: '  ' }, 'firstName', 'required'],
    [{ firstName: 'x'.repeat(61) }, 'firstName', 'too_long'],
    [{ lastName: 'a\u0007b' }, 'lastName', 'control_chars'],
    [{ phone: '' }, 'phone', 'required'],
    [{ phone: 'call me' }, 'phone', 'phone_format'],
    [{ phone: '+999 1234 5678' }, 'phone', 'phone_impossible'],
    [{ birthday: '1990-02-30' }, 'birthday', 'birthday_format'],
    [{ birthday: '2030-01-01' }, 'birthday', 'birthday_future'],
    [{ birthday: '1880-01-01' }, 'birthday', 'birthday_too_old'],
    [{ birthday: 'next spring' }, 'birthday', 'birthday_format'],
  ])('refuses %o as %s %s', (over, field, rule) => {
    expect(checkImportRow(row(over), ctx)).toEqual({ ok: false, refused: { line: 2, field, rule } });
  });
});

describe('checkImportRows', () => {
  it('refuses a number twice in the file on its second line, naming the first, across chunks', () => {
    const seen = new Map<string, number>();
    const first = checkImportRows([row({ line: 2 })], ctx, seen);
    const second = checkImportRows([row({ line: 9, phone: '+86 138-0013-8000' }), row({ line: 10, phone: '13800138001' })], ctx, seen);
    expect(first.accepted).toHaveLength(1);
    expect(second.refused).toEqual([{ line: 9, field: 'phone', rule: 'import_duplicate_in_file', firstLine: 2 }]);
    expect(second.accepted.map((r) => r.line)).toEqual([10]);
  });

  it('refuses a number that is already a client’s, so a second run adds nobody', () => {
    const out = checkImportRows([row({ phone: '139 0000 0000' })], ctx, new Map());
    expect(out).toEqual({ accepted: [], refused: [{ line: 2, field: 'phone', rule: 'import_already_client' }] });
  });
});

describe('normalizeBirthday', () => {
  it('reads the ways spreadsheets write dates', () => {
    expect(['1990-4-5', '1990/04/05', '1990.4.5', '1990年4月5日', ' 1990-04-05 '].map(normalizeBirthday)).toEqual(Array(5).fill('1990-04-05'));
    expect(normalizeBirthday('05/04/1990')).toBe('05/04/1990');
  });
});
