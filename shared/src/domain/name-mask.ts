/** Han characters: a Chinese name is written family name first, without a space. */
const HAN = /\p{Script=Han}/u;

const graphemes = (s: string): string[] => {
  // Intl.Segmenter keeps an emoji or an accented letter whole (code units would split them).
  const seg = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(seg.segment(s), (x) => x.segment);
};

/**
 * A name as the kiosk may show it to whoever typed a phone number: the family name's first letter and `**`, then the
 * first name ("L** Mei"); a Chinese name as family name's first character, `**`, given name ("王**小明"). Without a
 * family name only the stars stand before the first name.
 */
export function maskName(firstName: string, lastName: string): string {
  const first = firstName.trim();
  const last = lastName.trim();
  const initial = graphemes(last)[0] ?? '';
  if (HAN.test(last) || (last === '' && HAN.test(first))) return `${initial}**${first}`;
  return `${initial.toLocaleUpperCase()}** ${first}`;
}
