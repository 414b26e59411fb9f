import { describe, expect, it } from 'vitest';
import { decodeText, fileKind, parseCsv } from './read-file.ts';

const gb18030 = (s: string) => {
  // 王芳 in GB18030 (GBK range): CD F5 B7 BC
  if (s !== '王芳') throw new Error('only this sample');
  return new Uint8Array([0xcd, 0xf5, 0xb7, 0xbc]);
};

describe('reading a client file on the tablet', () => {
  it('decodes UTF-8 with and without a BOM, and GB18030 when it is not UTF-8', () => {
    const utf8 = new TextEncoder().encode('姓名,手机\n');
    expect(decodeText(utf8)).toBe('姓名,手机\n');
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('姓名,手机\n');
    expect(decodeText(gb18030('王芳'))).toBe('王芳');
  });
  it('splits CSV with quotes, leaving out empty lines but keeping each row its number in the file', () => {
    expect(parseCsv('Name,Phone\n"Li, Na",138 0013 8000\n\n王芳,13800138001\n')).toEqual({
      headers: ['Name', 'Phone'],
      rows: [['Li, Na', '138 0013 8000'], ['王芳', '13800138001']],
      lines: [2, 4],
    });
  });
  it('says a file with only a header is empty, and knows its kinds by name', () => {
    expect(parseCsv('Name,Phone\n')).toEqual({ kind: 'empty' });
    expect([fileKind('a.CSV'), fileKind('b.xlsx'), fileKind('c.xls')]).toEqual(['csv', 'xlsx', null]);
  });
});

describe('files too large to import', () => {
  it('refuses a file over the size limit before reading it, and a sheet of more rows than the limit', async () => {
    const { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } = await import('@glow/shared');
    const { readClientFile, sheetOf } = await import('./read-file.ts');
    const huge = new File([new Uint8Array(IMPORT_MAX_BYTES + 1)], 'clients.csv');
    expect(await readClientFile(huge)).toEqual({ kind: 'tooBig' });
    const cells = [['Name', 'Phone'], ...Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => [`n${i}`, '13800138000'])];
    expect(sheetOf(cells)).toEqual({ kind: 'tooManyRows' });
    expect(sheetOf(cells.slice(0, IMPORT_MAX_ROWS + 1))).toMatchObject({ headers: ['Name', 'Phone'] });
  });
});

describe('a 200,000-row file (#13)', () => {
  it('is refused on the tablet before anything is sent, with the limit named in both languages', { timeout: 60_000 }, async () => {
    const { IMPORT_MAX_ROWS, createTranslator } = await import('@glow/shared');
    const { readClientFile } = await import('./read-file.ts');
    // A real CSV of 200,000 clients (about 5 MB: under the size limit, so it is the row count that refuses it).
    const lines = ['Name,Phone', ...Array.from({ length: 200_000 }, (_, i) => `Client ${i},1380013${String(i % 10_000).padStart(4, '0')}`)];
    const file = new File([lines.join('\n')], 'clients.csv', { type: 'text/csv' });
    expect(await readClientFile(file)).toEqual({ kind: 'tooManyRows' });
    expect(createTranslator('en')('import.error.tooManyRows', { max: IMPORT_MAX_ROWS })).toMatch(/100,?000 rows/);
    expect(createTranslator('zh-CN')('import.error.tooManyRows', { max: IMPORT_MAX_ROWS })).toMatch(/100,?000 行/);
  });
});
