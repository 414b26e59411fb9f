import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/browser';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '@glow/shared';

/**
 * A client file read on the tablet (#13), so the hub's event loop never parses a 20 MB file: its header and its rows
 * as text. CSV is decoded as UTF-8 (with or without a BOM) or, when it is not valid UTF-8, as GB18030 — what Chinese
 * Excel writes — by the browser's own TextDecoder; papaparse splits it. XLSX is read by read-excel-file (the first
 * sheet); dates become YYYY-MM-DD.
 */
/** `lines[i]` is the spreadsheet row of `rows[i]` (the header's is 1), so the report points at the row the manager sees. */
export type SheetText = { headers: string[]; rows: string[][]; lines: number[] };
export type ReadProblem =
  | { kind: 'tooBig' }
  | { kind: 'tooManyRows' }
  | { kind: 'type' }
  | { kind: 'empty' }
  | { kind: 'unreadable'; detail: string };

export function fileKind(name: string): 'csv' | 'xlsx' | null {
  const lower = name.toLowerCase();
  return lower.endsWith('.csv') ? 'csv' : lower.endsWith('.xlsx') ? 'xlsx' : null;
}

/** UTF-8 (a BOM is dropped) when the bytes are valid UTF-8, else GB18030. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const cellText = (cell: unknown): string => {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).trim();
};

/** Header and rows, empty rows left out (their numbers kept); too many rows or an empty file is a problem to show. */
export function sheetOf(cells: readonly (readonly unknown[])[]): SheetText | ReadProblem {
  const kept = cells.map((r, i) => ({ cells: r.map(cellText), line: i + 1 })).filter((r) => r.cells.some((c) => c !== ''));
  const [header, ...body] = kept;
  if (!header || body.length === 0) return { kind: 'empty' };
  if (body.length > IMPORT_MAX_ROWS) return { kind: 'tooManyRows' };
  // Rows count from the header's: a blank line above the header does not shift the numbers the report shows.
  return { headers: header.cells, rows: body.map((r) => r.cells), lines: body.map((r) => r.line - header.line + 1) };
}

export function parseCsv(text: string): SheetText | ReadProblem {
  // Empty lines are kept here and dropped by sheetOf, so each row keeps its number in the file.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) return { kind: 'unreadable', detail: `${fatal.message} (${fatal.row ?? '?'})` };
  return sheetOf(parsed.data);
}

export async function readClientFile(file: File): Promise<SheetText | ReadProblem> {
  if (file.size > IMPORT_MAX_BYTES) return { kind: 'tooBig' };
  const kind = fileKind(file.name);
  if (!kind) return { kind: 'type' };
  try {
    if (kind === 'csv') return parseCsv(decodeText(new Uint8Array(await file.arrayBuffer())));
    return sheetOf(await readSheet(file));
  } catch (err) {
    return { kind: 'unreadable', detail: err instanceof Error ? err.message : String(err) };
  }
}
