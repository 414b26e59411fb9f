/** The four things a client file may hold, and the header words (English and Chinese) that usually name them. */
export const IMPORT_FIELDS = ['firstName', 'lastName', 'phone', 'birthday'] as const;
export type MappedField = (typeof IMPORT_FIELDS)[number];
/** Each field's column in the file, or null when the file has none. */
export type ColumnMapping = Record<MappedField, number | null>;

const WORDS: Record<MappedField, RegExp> = {
  firstName: /^(first ?name|given ?name|forename|name|full ?name|client|customer|姓名|名字|名|客户|顾客|客户姓名)$/i,
  lastName: /^(last ?name|surname|family ?name|姓|姓氏)$/i,
  phone: /^(phone|phone ?number|mobile|mobile ?number|cell|tel|telephone|手机|手机号|手机号码|电话|电话号码|联系电话|联系方式)$/i,
  birthday: /^(birthday|birth ?date|date ?of ?birth|dob|生日|出生日期|出生年月日)$/i,
};

const clean = (header: string) => header.replace(/[\s_*:：()（）-]+/g, ' ').trim();

/** The mapping guessed from the header row; a column is used for one field at most. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = { firstName: null, lastName: null, phone: null, birthday: null };
  const used = new Set<number>();
  // Last names first, so that "姓" is not taken as a name when "名" is there too.
  for (const field of ['lastName', 'phone', 'birthday', 'firstName'] as const) {
    const at = headers.findIndex((h, i) => !used.has(i) && WORDS[field].test(clean(h)));
    if (at >= 0) {
      mapping[field] = at;
      used.add(at);
    }
  }
  return mapping;
}
