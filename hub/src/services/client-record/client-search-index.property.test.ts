import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nationalDigits, newVisit, withoutTrunkZero, type Client, type ClientHit, type Visit } from '@glow/shared';
import { ClientSearchIndex, PHONE_MIN_DIGITS, SEARCH_LIMIT, foldLatin, nameKeys } from './client-search-index.ts';

/**
 * The search as it was before the gram index (#16): every client checked against the query, all matches sorted. The
 * index must give exactly these hits in this order, and the same "more".
 */
function scanSearch(clients: readonly Client[], lastVisitAt: (id: string) => number | null, query: string): { ids: string[]; matches: ClientHit['match'][]; more: boolean } {
  const live = clients.filter((c) => c.mergedInto === undefined && c.duplicateOf === undefined);
  const digits = query.replace(/[\s()+.-]/g, '');
  const found: Array<{ client: Client; keys: string[]; match: ClientHit['match'] }> = [];
  if (/^\d+$/.test(digits)) {
    if (digits.length < PHONE_MIN_DIGITS) return { ids: [], matches: [], more: false };
    const national = withoutTrunkZero(digits);
    for (const client of live) {
      const international = client.phone.replace(/\D/g, '');
      const own = nationalDigits(client.phone, 'CN');
      const all = own && own !== international ? [international, own] : [international];
      if (!all.some((d) => d.includes(digits) || d.includes(national))) continue;
      found.push({ client, keys: nameKeys(client), match: all.some((d) => d === digits || d === national) ? 'phone_exact' : 'phone' });
    }
  } else {
    const folded = foldLatin(query);
    if (folded.length === 0) return { ids: [], matches: [], more: false };
    for (const client of live) {
      const keys = nameKeys(client);
      if (keys.some((key) => key.includes(folded))) found.push({ client, keys, match: 'name' });
    }
  }
  const rank = (m: ClientHit['match']) => (m === 'phone_exact' ? 0 : 1);
  found.sort(
    (a, b) =>
      rank(a.match) - rank(b.match) ||
      (lastVisitAt(b.client.id) ?? -1) - (lastVisitAt(a.client.id) ?? -1) ||
      (a.keys[0] ?? '').localeCompare(b.keys[0] ?? '') ||
      a.client.id.localeCompare(b.client.id),
  );
  const top = found.slice(0, SEARCH_LIMIT);
  return { ids: top.map((f) => f.client.id), matches: top.map((f) => f.match), more: found.length > SEARCH_LIMIT };
}

// Small alphabets, so that random names and numbers share pieces and queries find several clients.
const hanName = fc.array(fc.constantFrom('王', '美', '丽', '单', '田', '芳', '张', '伟', '李', '娜', '𠀋'), { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
const latinName = fc.array(fc.constantFrom('a', 'n', 'Z', 'o', 'ë', 'ü', 'É', 'l', 'i', ' ', '-', 'ß'), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
const pinyinName = fc.array(fc.constantFrom('wang', 'mei', 'li', 'zhang', 'an', 'shan'), { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
const name = fc.oneof(hanName, latinName, pinyinName);
const phone = fc.oneof(
  fc.array(fc.constantFrom('1', '3', '8', '0'), { minLength: 6, maxLength: 11 }).map((d) => `+86${d.join('')}`),
  fc.array(fc.constantFrom('7', '9', '0', '1'), { minLength: 6, maxLength: 10 }).map((d) => `+44${d.join('')}`),
);
const clientArb = fc.record({
  firstName: name,
  lastName: name,
  phone,
  merged: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  visitedAt: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
});
const query = fc.oneof(
  name,
  fc.array(fc.constantFrom('王', '美', 'w', 'a', 'n', 'm', 'l', 'ü', 'Z', ' ', 'z', 'h', 'i'), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
  fc.array(fc.constantFrom('1', '3', '8', '0', '7', '9', ' ', '+'), { minLength: 3, maxLength: 12 }).map((a) => a.join('')),
);

const T = Date.UTC(2026, 5, 1, 9);

describe('ClientSearchIndex with its gram index', () => {
  it('finds exactly what a scan of every client finds, in the same order, through edits and removals', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(clientArb, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), clientArb, fc.boolean()), { maxLength: 8 }),
        fc.array(query, { minLength: 1, maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 8 }), fc.boolean()), { maxLength: 6 }),
        fc.integer({ min: 0, max: 6 }),
        async (generated, edits, queries, laterVisits, resortAfter) => {
          let clients: Client[] = generated.map((g, i) => ({
            id: `c${String(i).padStart(2, '0')}`,
            firstName: g.firstName,
            lastName: g.lastName,
            phone: g.phone,
            language: 'en',
            createdAt: T,
            referredBy: null,
            ...(g.merged ? { mergedInto: 'c00' } : {}),
          }));
          const visits: Visit[] = generated.flatMap((g, i) =>
            g.visitedAt === null
              ? []
              : [{ ...newVisit({ id: `v${i}`, ticket: 'A001', clientId: `c${String(i).padStart(2, '0')}`, serviceId: 'svc', language: 'en', at: T + g.visitedAt }), state: 'closed' as const, times: { checked_in: T + g.visitedAt } }],
          );
          const state = { clients: Object.fromEntries(clients.map((c) => [c.id, c])), visits: Object.fromEntries(visits.map((v) => [v.id, v])) };
          // The visit order is sorted again after a few changes (so the walk goes through the sorted order as well as
          // the entries changed since).
          const index = new ClientSearchIndex(() => 'CN', { resortAfter });
          await index.rebuild(() => state);
          if (queries[0] !== undefined) await index.search(queries[0]);
          // Visits after the build, and last visits known from months on disk: clients move up the ranking.
          for (const [at, when, onDisk] of laterVisits) {
            const target = clients[at % clients.length]!;
            if (onDisk) index.noteEarlierVisits([[target.id, T + when]]);
            else {
              const v = { ...newVisit({ id: `w${at}-${when}`, ticket: 'A002', clientId: target.id, serviceId: 'svc', language: 'en', at: T + when }), state: 'closed' as const, times: { checked_in: T + when } };
              index.note(undefined, { [v.id]: v });
            }
          }
          // Corrections of names and numbers, and deletions, kept in step by note().
          for (const [at, edit, remove] of edits) {
            if (clients.length === 0) break;
            const target = clients[at % clients.length]!;
            if (remove) {
              clients = clients.filter((c) => c.id !== target.id);
              index.note({ [target.id]: null }, undefined);
            } else {
              const changed: Client = { ...target, firstName: edit.firstName, lastName: edit.lastName, phone: edit.phone };
              clients = clients.map((c) => (c.id === target.id ? changed : c));
              index.note({ [target.id]: changed }, undefined);
            }
          }
          for (const q of queries) {
            const expected = scanSearch(clients, (id) => index.lastVisitAt(id), q);
            const actual = await index.search(q);
            expect({ ids: actual.hits.map((h) => h.id), matches: actual.hits.map((h) => h.match), more: actual.more }).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
