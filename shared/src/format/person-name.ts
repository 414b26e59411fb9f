const HAN = /\p{Script=Han}/u;

/**
 * A client's name as people of the salon write it (#16): 王美丽 (family name first, no space, when either part is in
 * Chinese characters), or "Zoë Müller". The one rule for every screen and for names the hub writes into answers.
 */
export function writtenName(c: { firstName: string; lastName: string }): string {
  if (HAN.test(c.lastName) || HAN.test(c.firstName)) return `${c.lastName}${c.firstName}`;
  return `${c.firstName} ${c.lastName}`.trim();
}
