/**
 * One way to write a person's name everywhere (tablets, kiosk, the hub's pages), by the name's script: a Chinese name
 * is family name first with no space ("王小明"), any other "given family" ("Wang Xiaoming"). The board's short form
 * keeps a Western family name to its initial ("Mei L."), enough to call someone in the waiting area; a Chinese name
 * has no such form (an initial of a Han character means nothing), so it is written whole.
 */

export type PersonName = { firstName: string; lastName: string };
export type NameForm = 'full' | 'board';

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/** Written in Chinese characters (and no Latin letters): family name first, no space. */
export const isChineseName = (name: PersonName): boolean => {
  const all = name.firstName + name.lastName;
  return HAN.test(all) && !LATIN.test(all);
};

export function formatPersonName(name: PersonName, form: NameForm = 'full'): string {
  const first = name.firstName.trim();
  const last = name.lastName.trim();
  if (!last) return first;
  if (!first) return last;
  if (isChineseName({ firstName: first, lastName: last })) return `${last}${first}`;
  return form === 'board' ? `${first} ${Array.from(last)[0]}.` : `${first} ${last}`;
}
