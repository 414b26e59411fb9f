import { describe, expect, it } from 'vitest';
import { newVisit, type Client, type Visit } from '@glow/shared';
import { ClientSearchIndex, foldLatin, nameKeys } from './client-search-index.ts';

const T = Date.UTC(2026, 5, 1, 9);
const client = (id: string, firstName: string, lastName: string, phone: string, extra: Partial<Client> = {}): Client => ({
  id,
  firstName,
  lastName,
  phone,
  language: 'zh-CN',
  createdAt: T,
  referredBy: null,
  ...extra,
});
const visit = (id: string, clientId: string, at: number): Visit => ({
  ...newVisit({ id, ticket: 'A001', clientId, serviceId: 'svc', language: 'en', at }),
  state: 'closed',
  times: { checked_in: at },
});

async function indexOf(clients: Client[], visits: Visit[] = []): Promise<ClientSearchIndex> {
  const index = new ClientSearchIndex(() => 'CN');
  const state = { clients: Object.fromEntries(clients.map((c) => [c.id, c])), visits: Object.fromEntries(visits.map((v) => [v.id, v])) };
  await index.rebuild(() => state);
  return index;
}
const ids = async (index: ClientSearchIndex, query: string) => (await index.search(query)).hits.map((h) => h.id);

describe('client search keys', () => {
  it('reads a Chinese name in full pinyin and initials, family name first, with the surname reading', () => {
    expect(nameKeys({ firstName: '美丽', lastName: '王' })).toEqual(expect.arrayContaining(['王美丽', 'wangmeili', 'wml', 'meili']));
    expect(nameKeys({ firstName: '田芳', lastName: '单' })).toEqual(expect.arrayContaining(['shantianfang', 'stf']));
  });

  it('folds Latin letters: case and accents ignored', () => {
    expect(foldLatin('Zoë Müller-Núñez')).toBe('zoemullernunez');
  });
});

describe('ClientSearchIndex: clients last seen in months left on disk', () => {
  it('ranks them by that visit, not as never seen, through a rebuild and a correction', async () => {
    const DAY = 86_400_000;
    const recent = client('recent', '美丽', '王', '+8613800138001');
    const onDisk = client('disk', '美玲', '王', '+8613800138002');
    const never = client('never', '美华', '王', '+8613800138003');
    const state = { clients: { recent, disk: onDisk, never }, visits: { v1: visit('v1', 'recent', T + 10 * DAY) } };
    const index = new ClientSearchIndex(() => 'CN');
    await index.rebuild(() => state);
    // Without what the disk says, the client last seen two years ago sorts among the never seen (by name).
    index.noteEarlierVisits(new Map([['disk', T - 700 * DAY]]));
    expect(await ids(index, 'wang')).toEqual(['recent', 'disk', 'never']);
    expect((await index.search('wang')).hits[1]!.lastVisitAt).toBe(T - 700 * DAY);
    // A correction of her name, or a rebuild after a recovery, keeps it; an older date never moves it back.
    index.note({ disk: { ...onDisk, notes: 'x' } }, undefined);
    index.noteEarlierVisits([['disk', T - 900 * DAY]]);
    await index.rebuild(() => state);
    expect(await ids(index, 'wang')).toEqual(['recent', 'disk', 'never']);
    expect(index.lastVisitAt('disk')).toBe(T - 700 * DAY);
  });
});

describe('ClientSearchIndex', () => {
  const wang = client('wang', '美丽', '王', '+8613800138000');
  const wan = client('wan', '明', '万', '+8613912345678');
  const zoe = client('zoe', 'Zoë', 'Müller', '+447946095800');
  const merged = client('old', '美丽', '王', '+8613800138000', { mergedInto: 'wang' });

  it('finds 王美丽 by her characters, her pinyin and its initials, and not a merged record of her', async () => {
    const index = await indexOf([wang, wan, zoe, merged]);
    expect(await ids(index, '王美丽')).toEqual(['wang']);
    expect(await ids(index, '美丽')).toEqual(['wang']);
    expect(await ids(index, 'wangmeili')).toEqual(['wang']);
    expect(await ids(index, 'WML')).toEqual(['wang']);
    expect(await ids(index, 'wang mei')).toEqual(['wang']);
  });

  it('finds Latin names ignoring case and accents', async () => {
    const index = await indexOf([wang, zoe]);
    expect(await ids(index, 'zoe')).toEqual(['zoe']);
    expect(await ids(index, 'MULLER')).toEqual(['zoe']);
    expect(await ids(index, 'Müll')).toEqual(['zoe']);
  });

  it('finds by any 4 or more digits, national or international, the whole number first', async () => {
    const other = client('other', 'Li', 'Lei', '+8613800138001');
    const index = await indexOf([wang, other, zoe]);
    expect(await ids(index, '138')).toEqual([]);
    expect((await ids(index, '0013')).sort()).toEqual(['other', 'wang']);
    const exact = await index.search('138 0013 8000');
    expect(exact.hits[0]).toMatchObject({ id: 'wang', match: 'phone_exact' });
    expect((await index.search('+86 138 0013 8000')).hits[0]).toMatchObject({ id: 'wang', match: 'phone_exact' });
    expect(await ids(index, '07946 095800')).toEqual(['zoe']);
  });

  it('ranks recent visitors first among name matches, and follows edits and new visits', async () => {
    const a = client('a', 'Anna', 'Lee', '+8613000000001');
    const b = client('b', 'Anna', 'Kim', '+8613000000002');
    const index = await indexOf([a, b], [visit('v1', 'a', T - 86_400_000), visit('v2', 'b', T)]);
    expect(await ids(index, 'anna')).toEqual(['b', 'a']);
    index.note(undefined, { v3: visit('v3', 'a', T + 1000) });
    expect(await ids(index, 'anna')).toEqual(['a', 'b']);
    index.note({ a: { ...a, firstName: 'Hannah' } }, undefined);
    expect(await ids(index, 'hannah')).toEqual(['a']);
    index.note({ b: null }, undefined);
    expect(await ids(index, 'anna')).toEqual(['a']);
  });

  it('keeps to the clients a reader is allowed', async () => {
    const index = await indexOf([wang, wan]);
    expect((await index.search('w', (id) => id === 'wan')).hits.map((h) => h.id)).toEqual(['wan']);
  });
});
