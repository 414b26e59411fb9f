const HAN = /\p{Script=Han}/u;

/** A client's name as people of the salon write it: 王美丽 (family name first, no space), or "Zoë Müller". */
export function clientName(c: { firstName: string; lastName: string }): string {
  if (HAN.test(c.lastName) || HAN.test(c.firstName)) return `${c.lastName}${c.firstName}`;
  return `${c.firstName} ${c.lastName}`.trim();
}
