import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/browser';
import { priceText, type StaffView } from '@glow/shared';

/**
 * The catalogue and the staff list as a table (#13), built on the manager's tablet from the view it already holds:
 * the hub sends the manager these lists whole, so building the file here costs the hub nothing and needs no new
 * route or session check. Deliberately left out: anything about a person's health or absence (a staff member's
 * leave and sick days, `dayChanges`), PINs (never in the view), and clients.
 */
export type ExportList = 'services' | 'products' | 'staff';
export type Table = { name: ExportList; headers: string[]; rows: string[][] };

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

export function exportTable(view: StaffView, list: ExportList, currency: string): Table {
  const term = (map: Record<string, { name: { en: string } }>, id: string) => map[id]?.name.en ?? id;
  switch (list) {
    case 'services':
      return {
        name: list,
        headers: ['id', 'name (en)', 'name (zh-CN)', 'category', 'duration (min)', `price (${currency})`, 'required skill', 'equipment', 'cleaning (min)', 'usual interval (weeks)', 'online rebooking', 'archived'],
        rows: Object.values(view.services).map((s) => [
          s.id, s.name.en, s.name['zh-CN'], term(view.categories, s.category), String(s.durationMin), priceText(s.priceMinor ?? 0, currency),
          term(view.skills, s.requiredSkill), s.equipment.map((e) => term(view.equipment, e)).join('; '), String(s.cleaningBufferMin ?? 0),
          s.usualIntervalWeeks == null ? '' : String(s.usualIntervalWeeks), yesNo(s.onlineRebooking ?? false), yesNo(s.archived ?? false),
        ]),
      };
    case 'products':
      return {
        name: list,
        headers: ['id', 'name (en)', 'name (zh-CN)', 'brand', `price (${currency})`, 'unit', 'how to use (en)', 'how to use (zh-CN)', 'follow-up', 'archived'],
        rows: Object.values(view.products).map((p) => [
          p.id, p.name.en, p.name['zh-CN'], p.brand, priceText(p.priceMinor, currency), p.unit, p.howToUse.en, p.howToUse['zh-CN'], p.followUp, yesNo(p.archived),
        ]),
      };
    case 'staff':
      return {
        name: list,
        headers: ['id', 'name', 'role', 'skills', 'active', ...DAYS],
        rows: Object.values(view.staff).map((m) => [
          m.id, m.name, m.role, m.skills.map((k) => term(view.skills, k)).join('; '), yesNo(m.active),
          ...m.weeklyShifts.map((d) => (d ? [`${d.start}-${d.end}`, ...d.breaks.map((b) => `break ${b.start}-${b.end}`)].join('; ') : '')),
        ]),
      };
  }
}

/** UTF-8 with a BOM, so Excel opens Chinese names right; cells that look like formulas are escaped. */
export const tableCsv = (t: Table): Blob =>
  new Blob(['\uFEFF' + Papa.unparse({ fields: t.headers, data: t.rows }, { escapeFormulae: true })], { type: 'text/csv;charset=utf-8' });

export const tableXlsx = (t: Table): Promise<Blob> =>
  writeXlsxFile([t.headers.map((h) => ({ value: h, fontWeight: 'bold' as const })), ...t.rows.map((r) => r.map((value) => ({ value })))], { sheet: t.name }).toBlob();

/** Hands a built file to the browser as a download. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
