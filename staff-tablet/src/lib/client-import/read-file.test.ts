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
  it('splits CSV with quotes, leaving out empty lines', () => {
    expect(parseCsv('Name,Phone\n"Li, Na",138 0013 8000\n\n王芳,13800138001\n')).toEqual({
      headers: ['Name', 'Phone'],
      rows: [['Li, Na', '138 0013 8000'], ['王芳', '13800138001']],
    });
  });
  it('says a file with only a header is empty, and knows its kinds by name', () => {
    expect(parseCsv('Name,Phone\n')).toEqual({ kind: 'empty' });
    expect([fileKind('a.CSV'), fileKind('b.xlsx'), fileKind('c.xls')]).toEqual(['csv', 'xlsx', null]);
  });
});
