/**
 * Decoy names for the kiosk's phone look-up, already masked the way real names are ("L** Mei", "王**小明"). Both
 * scripts are drawn for every look-up, so a real Chinese or Western name among the decoys does not stand out, and
 * a set of three says nothing about whether the number is known.
 */
const INITIALS = 'ABCDEFGHJKLMNPRSTWYZ';
const LATIN_FIRST = [
  'Amy', 'Anna', 'Bella', 'Chloe', 'Claire', 'Daisy', 'Ella', 'Emily', 'Emma', 'Eva', 'Grace', 'Hannah', 'Holly',
  'Isla', 'Jade', 'Julia', 'Kate', 'Laura', 'Lily', 'Lucy', 'Maya', 'Mei', 'Mia', 'Nina', 'Olivia', 'Rose', 'Ruby',
  'Sara', 'Sophie', 'Zoe', 'Adam', 'Ben', 'David', 'James', 'Leo', 'Max', 'Sam', 'Tom', 'Ryan', 'Daniel',
];
const HAN_FAMILY = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹';
const HAN_GIVEN = [
  '小明', '丽', '静', '敏', '芳', '娜', '婷', '雪', '玲', '美玲', '晓燕', '欣怡', '佳怡', '雨涵', '思琪', '梓涵',
  '伟', '强', '磊', '洋', '勇', '杰', '浩然', '子轩', '嘉欣', '文静', '慧', '颖', '琳', '倩',
];

/** Reads 16 bits of the seed at a position, wrapping around. */
const u16 = (seed: Uint8Array, at: number): number => (seed[at % seed.length]! << 8) | seed[(at + 1) % seed.length]!;

function decoy(seed: Uint8Array, at: number): string {
  const style = seed[at % seed.length]! & 1;
  if (style === 0) {
    const initial = INITIALS[u16(seed, at + 1) % INITIALS.length]!;
    return `${initial}** ${LATIN_FIRST[u16(seed, at + 3) % LATIN_FIRST.length]!}`;
  }
  const family = Array.from(HAN_FAMILY)[u16(seed, at + 1) % Array.from(HAN_FAMILY).length]!;
  return `${family}**${HAN_GIVEN[u16(seed, at + 3) % HAN_GIVEN.length]!}`;
}

/**
 * Three masked names from a seed (the HMAC of the phone number under the hub's key, at least 16 bytes): the real
 * masked name, if any, at a position the seed picks, decoys everywhere else. The same seed always gives the same
 * three names, so repeating a look-up reveals nothing new; the decoys never repeat each other or the real name.
 * For an unknown number the "real" slot is a decoy too, drawn the same way.
 */
export function lookupChoices(seed: Uint8Array, real: string | null): { choices: [string, string, string]; correct: number | null } {
  const position = seed[0]! % 3;
  const names: string[] = [];
  let at = 1;
  while (names.length < 3) {
    if (real !== null && names.length === position) {
      names.push(real);
      continue;
    }
    let name = decoy(seed, at);
    // A clash is rare; walk on through the seed until the name is new (and, for a pathological seed, the list).
    for (let tries = 0; names.includes(name) || name === real; tries++) {
      name = tries < 64 ? decoy(seed, (at += 5)) : `X** ${LATIN_FIRST[tries % LATIN_FIRST.length]!}`;
    }
    names.push(name);
    at += 5;
  }
  return { choices: names as [string, string, string], correct: real === null ? null : position };
}
