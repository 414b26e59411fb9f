import Papa from 'papaparse';
import type { ImportRow, RefusedRow } from '@glow/shared';
import type { ColumnMapping } from './column-guess.ts';

/** The file's rows as the hub's import expects them; line numbers count the header as line 1. */
export function mappedRows(rows: readonly string[][], mapping: ColumnMapping, lines?: readonly number[]): ImportRow[] {
  const cell = (r: readonly string[], at: number | null) => (at === null ? '' : (r[at] ?? '')).slice(0, 100);
  return rows.map((r, i) => ({
    line: lines?.[i] ?? i + 2,
    firstName: cell(r, mapping.firstName).slice(0, 500),
    lastName: cell(r, mapping.lastName),
    phone: cell(r, mapping.phone),
    birthday: cell(r, mapping.birthday),
  }));
}

/**
 * The refused-row report as a CSV the manager can fix and import again: the line, the original cells and why.
 * A leading BOM makes Excel read it as UTF-8. Cells that start like a formula are quoted by papaparse's escapeFormulae.
 */
export function refusedCsv(headers: readonly string[], rows: readonly string[][], lines: readonly number[], refused: readonly RefusedRow[], why: (r: RefusedRow) => string, labels: { line: string; why: string }): string {
  const at = new Map(lines.map((line, i) => [line, i]));
  const data = refused.map((r) => [String(r.line), ...(rows[at.get(r.line) ?? -1] ?? []), why(r)]);
  return '\uFEFF' + Papa.unparse({ fields: [labels.line, ...headers, labels.why], data }, { escapeFormulae: true });
}
