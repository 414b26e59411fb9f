import { z } from 'zod';
import { freeText } from '../../schemas/common.schema.ts';
import { canonicalPhone, NAME_MAX_LENGTH, type PhoneCountry } from '../../schemas/person-rules.ts';
import { birthdayProblem } from '../birthday.ts';

/**
 * Bringing the clients a salon already has (#13): the checks every imported row passes, one definition for the
 * tablet's preview and the hub, which checks every row again (it never trusts the tablet). Pure: the clock, the
 * salon's time zone and country and who is already a client are parameters.
 */

/** A file larger than this is refused before it is read (a client list of 100,000 people is a few MB). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** More rows than this in one file are refused with a message asking to split it. */
export const IMPORT_MAX_ROWS = 100_000;
/** Rows per chunk sent to the hub: each chunk is checked in one short turn of the hub's event loop. */
export const IMPORT_CHUNK_ROWS = 250;

/**
 * One row as the file gave it, the cells already picked by the column mapping. Bounded so that a chunk cannot be
 * huge, but loose enough that a long name is refused as a row ("too long"), not as a broken chunk.
 */
export const ImportRowSchema = z
  .object({
    /** The line of the file (1 is the header), so the refused-row report points at it. */
    line: z.number().int().min(1).max(10_000_000),
    firstName: z.string().max(500),
    lastName: z.string().max(500),
    phone: z.string().max(100),
    birthday: z.string().max(100),
  })
  .strict();
export type ImportRow = z.infer<typeof ImportRowSchema>;

export type ImportField = 'firstName' | 'lastName' | 'phone' | 'birthday';
export type ImportRule =
  | 'required'
  | 'too_long'
  | 'control_chars'
  | 'phone_format'
  | 'phone_impossible'
  | 'birthday_format'
  | 'birthday_future'
  | 'birthday_too_old'
  | 'import_duplicate_in_file'
  | 'import_already_client';

/** Why a row is refused: the field and the rule, and for a duplicate in the file the line that has the number first. */
export const RefusedRowSchema = z.object({
  line: z.number().int(),
  field: z.enum(['firstName', 'lastName', 'phone', 'birthday']),
  rule: z.string(),
  firstLine: z.number().int().optional(),
});
export type RefusedRow = z.infer<typeof RefusedRowSchema>;

/** A row that passed: what becomes a client record. */
export type AcceptedRow = { line: number; firstName: string; lastName: string; phone: string; birthday: string | null };

export type ImportContext = {
  country: PhoneCountry;
  now: number;
  timeZone: string;
  /** Whether a canonical number already belongs to a client of the salon. */
  isClientPhone: (phone: string) => boolean;
};

const NameSchema = freeText(NAME_MAX_LENGTH);

function nameProblem(raw: string, required: boolean): ImportRule | null {
  const parsed = NameSchema.safeParse(raw);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message;
    return message === 'control_chars' ? 'control_chars' : 'too_long';
  }
  return required && parsed.data === '' ? 'required' : null;
}

/**
 * A birthday as spreadsheets write it: 1990-04-25, 1990/4/25 or 1990.4.25 become 1990-04-25; an empty cell is no
 * birthday. Anything else is left as it is, for birthdayProblem to refuse.
 */
export function normalizeBirthday(raw: string): string {
  const text = raw.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : text;
}

/** One row on its own: its names, its number in canonical E.164 form, its birthday. */
export function checkImportRow(row: ImportRow, ctx: Omit<ImportContext, 'isClientPhone'>): { ok: true; row: AcceptedRow } | { ok: false; refused: RefusedRow } {
  const refused = (field: ImportField, rule: ImportRule) => ({ ok: false as const, refused: { line: row.line, field, rule } });
  const first = nameProblem(row.firstName, true);
  if (first) return refused('firstName', first);
  const last = nameProblem(row.lastName, false);
  if (last) return refused('lastName', last);
  if (row.phone.trim() === '') return refused('phone', 'required');
  const phone = canonicalPhone(row.phone, ctx.country);
  if (!phone.ok) return refused('phone', phone.rule);
  const birthday = normalizeBirthday(row.birthday);
  if (birthday !== '') {
    const problem = birthdayProblem(birthday, ctx.now, ctx.timeZone);
    if (problem) return refused('birthday', problem);
  }
  return {
    ok: true,
    row: { line: row.line, firstName: NameSchema.parse(row.firstName), lastName: NameSchema.parse(row.lastName), phone: phone.phone, birthday: birthday || null },
  };
}

/**
 * Rows of one file, chunk after chunk: `seen` holds the numbers of the rows accepted so far (canonical number →
 * line), so a number twice in the file is refused on its second line, naming the first. A number that is already a
 * client's is refused too: running the same file twice adds nobody twice.
 */
export function checkImportRows(
  rows: readonly ImportRow[],
  ctx: ImportContext,
  seen: Map<string, number>,
): { accepted: AcceptedRow[]; refused: RefusedRow[] } {
  const accepted: AcceptedRow[] = [];
  const refused: RefusedRow[] = [];
  for (const row of rows) {
    const checked = checkImportRow(row, ctx);
    if (!checked.ok) {
      refused.push(checked.refused);
      continue;
    }
    const firstLine = seen.get(checked.row.phone);
    if (firstLine !== undefined) refused.push({ line: row.line, field: 'phone', rule: 'import_duplicate_in_file', firstLine });
    else if (ctx.isClientPhone(checked.row.phone)) refused.push({ line: row.line, field: 'phone', rule: 'import_already_client' });
    else {
      seen.set(checked.row.phone, row.line);
      accepted.push(checked.row);
    }
  }
  return { accepted, refused };
}
