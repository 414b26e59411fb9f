import { pinyin } from 'pinyin-pro';
import { nationalDigits, withoutTrunkZero, type Client, type ClientHit, type PhoneCountry, type Visit } from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';
import { ClientOwnedIndex, type OwnedCollection } from './client-owned-index.ts';
import { GramIndex } from './gram-index.ts';
import { VisitOrder } from './visit-order.ts';
import { ReferralIndex } from './referral-index.ts';

/** A name as searched: lower case, accents removed (é → e, ü → u), spaces and punctuation dropped. */
export function foldLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const HAN = /\p{Script=Han}/u;

/**
 * Every form a client's name is found by: Latin letters folded (both orders: "anna smith", "smith anna"), and for a
 * name in Chinese characters the characters themselves (family name first, as written), the full pinyin
 * ("wangmeili") and its initials ("wml"), from pinyin-pro with its surname reading (单 as a family name is "shan").
 */
export function nameKeys(client: Pick<Client, 'firstName' | 'lastName'>): string[] {
  const keys = new Set<string>();
  const first = client.firstName.trim();
  const last = client.lastName.trim();
  keys.add(foldLatin(`${first}${last}`));
  keys.add(foldLatin(`${last}${first}`));
  const chinese = `${last}${first}`;
  if (HAN.test(chinese)) {
    const syllables = pinyin(chinese.replace(/\s+/g, ''), { toneType: 'none', type: 'array', surname: 'head' })
      .map((s) => foldLatin(s))
      .filter((s) => s.length > 0);
    keys.add(syllables.join(''));
    keys.add(syllables.map((s) => s[0]).join(''));
    // The given name alone, as staff often call clients by it ("meili", "ml").
    const given = pinyin(first, { toneType: 'none', type: 'array' }).map((s) => foldLatin(s)).filter((s) => s.length > 0);
    keys.add(given.join(''));
  }
  keys.delete('');
  return [...keys];
}

type Entry = { id: string; digits: string[]; keys: string[]; client: Client; lastVisitAt: number | null };

export const SEARCH_LIMIT = 20;
/** Fewer digits than this search names, not numbers ("any 4+ digits" of a phone). */
export const PHONE_MIN_DIGITS = 4;
/** Matches beyond which a search walks the clients in ranking order rather than ranking every match. */
const WALK_FROM = 400;
/** Clients converted per turn of the event loop while the index is built: each turn stays a few milliseconds. */
const BUILD_SLICE = 400;

/**
 * The client search (#16), kept in memory like the client index (services/client-index.ts) so a search never scans
 * or converts 20,000 names. Built after start in slices (pinyin for every name would otherwise hold the event loop
 * for a fraction of a second; a search asked meanwhile waits for it), rebuilt after a recovery, kept in step by
 * `note` after each commit. Records merged into another and kiosk duplicates of a number are not found (their owner
 * is). "Recent visitors" are ranked by the latest check-in the hub holds in memory (the months it keeps loaded), or,
 * for a client last seen in a month left on disk, that month (`noteEarlierVisits`, from the store's per-client month
 * index) or her record's last visit once it was read; clients never seen follow by name.
 */
export class ClientSearchIndex {
  private entries = new Map<string, Entry>();
  /**
   * Which clients hold which short pieces of their numbers (three digits) and names (one to three letters or
   * characters), so a search checks only the clients that may match, not the whole salon: with 20,000 clients the scan
   * took 2-5 ms of the event loop per keystroke of 10 tablets (gram-index.ts).
   */
  private readonly digitGrams = new GramIndex<Entry>(3, 3);
  private readonly nameGrams = new GramIndex<Entry>(1, 3);
  /** The entries by last visit, for queries most clients match (visit-order.ts); and by each number, for "exact". */
  private readonly byVisit: VisitOrder<Entry>;
  private readonly byDigits = new Map<string, Set<Entry>>();
  /** The visits the state holds of each client (ids), so a record never scans every visit the hub has loaded. */
  private visitIds = new Map<string, Set<string>>();
  private ready: Promise<void> = Promise.resolve();
  /** Whether the last rebuild has finished (the per-client visit ids are complete). */
  private built = true;
  /** Latest visits known from outside the state (noteEarlierVisits), by client. */
  private readonly earlier = new Map<string, number>();
  /** Who referred whom, kept in step with the same notes (its own file: referral-index.ts). */
  readonly referrals = new ReferralIndex();
  /** Each client's tasks, bookings, complaints, messages and changes (client-owned-index.ts), from the same notes. */
  readonly owned = new ClientOwnedIndex();
  private generation = 0;

  /** `resortAfter`: how many changed entries the visit order keeps apart before sorting again (tests make it small). */
  constructor(
    private readonly country: () => PhoneCountry,
    options: { resortAfter?: number } = {},
  ) {
    this.byVisit = new VisitOrder<Entry>((entry) => this.entries.get(entry.id) === entry, () => this.entries.values(), options.resortAfter);
  }

  /** Starts building from the state (read as it is when each slice runs, so notes made meanwhile are not undone). */
  rebuild(state: () => Pick<HubState, 'clients' | 'visits'> & Partial<Pick<HubState, OwnedCollection>>): Promise<void> {
    const generation = ++this.generation;
    // A few thousand records at most: built at once, so the notes that follow keep it in step.
    this.owned.rebuild(state());
    this.entries = new Map();
    this.digitGrams.clear();
    this.nameGrams.clear();
    this.byVisit.clear();
    this.byDigits.clear();
    this.visitIds = new Map();
    this.referrals.clear();
    this.built = false;
    const ids = Object.keys(state().clients);
    this.ready = (async () => {
      for (let i = 0; i < ids.length; i += BUILD_SLICE) {
        if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
        if (generation !== this.generation) return;
        const clients = state().clients;
        for (const id of ids.slice(i, i + BUILD_SLICE)) {
          const client = clients[id];
          if (client && !this.entries.has(id)) {
            this.put(client);
            this.referrals.noteClient(client);
          }
        }
      }
      const visitIds = Object.keys(state().visits);
      for (let i = 0; i < visitIds.length; i += BUILD_SLICE * 25) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (generation !== this.generation) return;
        const visits = state().visits;
        const slice: Record<string, Visit> = {};
        for (const id of visitIds.slice(i, i + BUILD_SLICE * 25)) if (visits[id]) slice[id] = visits[id];
        this.noteVisits(slice);
      }
      if (generation === this.generation) this.built = true;
    })();
    return this.ready;
  }

  note(
    clients: Readonly<Record<string, Client | null>> | undefined,
    visits: Readonly<Record<string, Visit | null>> | undefined,
    owned?: Pick<Changes, OwnedCollection>,
  ): void {
    if (owned) this.owned.note(owned);
    for (const [id, client] of Object.entries(clients ?? {})) {
      if (client) this.put(client);
      else this.forget(id);
      this.referrals.note(id, client?.referredBy ?? null);
    }
    if (visits) this.noteVisits(visits);
  }

  /** The ids of the visits the state holds of these clients (once the index is built). */
  async visitIdsOf(clientIds: readonly string[]): Promise<string[]> {
    await this.ready;
    return clientIds.flatMap((id) => [...(this.visitIds.get(id) ?? [])]);
  }

  /** The same, now: null while the index is still being built (the caller then lists the state's visits itself). */
  visitIdsNow(clientIds: readonly string[]): string[] | null {
    if (!this.built) return null;
    return clientIds.flatMap((id) => [...(this.visitIds.get(id) ?? [])]);
  }

  /**
   * When clients were last seen in visits the hub does not hold in memory (months left on disk, or a record read
   * whole): kept apart from the entries so that a rebuild or a correction of the client keeps them, and only ever
   * moved later, so "recent visitors first" holds for clients whose last visit is on disk.
   */
  noteEarlierVisits(lastVisits: ReadonlyMap<string, number> | Iterable<readonly [string, number]>): void {
    for (const [id, at] of lastVisits) {
      if ((this.earlier.get(id) ?? -1) >= at) continue;
      this.earlier.set(id, at);
      const entry = this.entries.get(id);
      if (entry && (entry.lastVisitAt === null || at > entry.lastVisitAt)) this.visited(entry, at);
    }
  }

  /** The clients referred by any of these (once the index is built). */
  async referredByAny(clientIds: readonly string[]): Promise<string[]> {
    await this.ready;
    return this.referrals.referredByAny(clientIds);
  }

  /** When the client was last seen (checked in), as far as the hub holds visits in memory. */
  lastVisitAt(clientId: string): number | null {
    return this.entries.get(clientId)?.lastVisitAt ?? null;
  }

  async search(query: string, allowed: (clientId: string) => boolean = () => true): Promise<{ hits: ClientHit[]; more: boolean }> {
    await this.ready;
    return this.searchNow(query, allowed);
  }

  private searchNow(query: string, allowed: (clientId: string) => boolean): { hits: ClientHit[]; more: boolean } {
    const digits = query.replace(/[\s()+.-]/g, '');
    let found: Array<{ entry: Entry; match: ClientHit['match'] }>;
    let more: boolean;
    if (/^\d+$/.test(digits)) {
      if (digits.length < PHONE_MIN_DIGITS) return { hits: [], more: false };
      const national = withoutTrunkZero(digits);
      const holds = (entry: Entry) => entry.digits.some((d) => d.includes(digits) || d.includes(national)) && allowed(entry.id);
      const exact = (entry: Entry) => entry.digits.some((d) => d === digits || d === national);
      // `national` is `digits` or its end, so every number holding `digits` holds `national`: its grams find both.
      const some = this.candidates(this.digitGrams, national);
      if (some) {
        found = [...some].filter(holds).map((entry) => ({ entry, match: exact(entry) ? 'phone_exact' : 'phone' }));
        ({ found, more } = firstOf(found));
      } else {
        // Most clients hold the query: the whole numbers first (looked up), then the others in ranking order.
        const whole = new Set([...(this.byDigits.get(digits) ?? []), ...(this.byDigits.get(national) ?? [])].filter((e) => this.entries.get(e.id) === e && holds(e)));
        ({ found, more } = this.walk([...whole].map((entry) => ({ entry, match: 'phone_exact' as const })), (entry) => !whole.has(entry) && holds(entry), 'phone'));
      }
    } else {
      const folded = foldLatin(query);
      if (folded.length === 0) return { hits: [], more: false };
      const holds = (entry: Entry) => entry.keys.some((key) => key.includes(folded)) && allowed(entry.id);
      // A query of one to three letters is itself a gram: the clients under it are exactly its matches, and when they
      // are many, walking the clients in ranking order finds the first 21 among the first few hundred.
      const some = folded.length <= 3 && (this.nameGrams.candidates(folded)?.size ?? 0) > WALK_FROM ? null : this.candidates(this.nameGrams, folded);
      ({ found, more } = some ? firstOf([...some].filter(holds).map((entry) => ({ entry, match: 'name' as const }))) : this.walk([], holds, 'name'));
    }
    const hits = found.map(({ entry, match }) => ({
      id: entry.id,
      firstName: entry.client.firstName,
      lastName: entry.client.lastName,
      phone: entry.client.phone,
      lastVisitAt: entry.lastVisitAt,
      match,
    }));
    return { hits, more };
  }

  /**
   * The first SEARCH_LIMIT matches when most clients may match: `first` (the whole numbers, which rank first), then
   * the clients that hold the query, walked in ranking order (last visit; each group of equal last visit ranked by
   * name and id) until one more than needed is found, so "more" is known without checking everyone.
   */
  private walk(first: Found[], holds: (entry: Entry) => boolean, match: ClientHit['match']): { found: Found[]; more: boolean } {
    const out = first.length > 0 ? firstOf(first, SEARCH_LIMIT + 1).found : [];
    if (out.length <= SEARCH_LIMIT) {
      this.byVisit.walk((group) => {
        // Only as many of the group as are still needed (clients last seen in the same month on disk share a last
        // visit: hundreds of them).
        out.push(...firstOf(group.filter(holds).map((entry) => ({ entry, match })), SEARCH_LIMIT + 1 - out.length).found);
        return out.length > SEARCH_LIMIT;
      });
    }
    return { found: out.slice(0, SEARCH_LIMIT), more: out.length > SEARCH_LIMIT };
  }

  /**
   * The entries that may match the query, to be checked with the search's rule: those under the query's grams, or
   * null (every entry: walked in ranking order) when the query is too short to have grams or its grams are in most
   * clients' keys ("w", "an", "7700" of the large salon's UK numbers).
   */
  private candidates(grams: GramIndex<Entry>, query: string): ReadonlySet<Entry> | null {
    const found = grams.candidates(query);
    return found === null || found.size > this.entries.size / 2 ? null : found;
  }

  private put(client: Client): void {
    const previous = this.entries.get(client.id);
    if (client.mergedInto !== undefined || client.duplicateOf !== undefined) {
      this.forget(client.id);
      return;
    }
    const international = client.phone.replace(/\D/g, '');
    const national = nationalDigits(client.phone, this.country());
    const digits = national && national !== international ? [international, national] : [international];
    const keys = previous?.client.firstName === client.firstName && previous.client.lastName === client.lastName ? previous.keys : nameKeys(client);
    const lastVisitAt = latestOf(previous?.lastVisitAt ?? null, this.earlier.get(client.id) ?? null);
    if (!previous) {
      const entry: Entry = { id: client.id, digits, keys, client, lastVisitAt };
      this.addDigits(entry, digits);
      this.nameGrams.add(entry, keys);
      this.entries.set(client.id, entry);
      this.byVisit.touch(entry);
      return;
    }
    // The entry is changed in place, as the gram index holds it: only the grams of what changed move.
    if (!sameStrings(previous.digits, digits)) {
      this.removeDigits(previous, previous.digits);
      this.addDigits(previous, digits);
    }
    if (previous.keys !== keys) {
      this.nameGrams.remove(previous, previous.keys);
      this.nameGrams.add(previous, keys);
    }
    if (lastVisitAt !== previous.lastVisitAt) this.byVisit.touch(previous);
    Object.assign(previous, { digits, keys, client, lastVisitAt });
  }

  private forget(clientId: string): void {
    const previous = this.entries.get(clientId);
    if (!previous) return;
    this.removeDigits(previous, previous.digits);
    this.nameGrams.remove(previous, previous.keys);
    this.entries.delete(clientId);
  }

  private noteVisits(visits: Readonly<Record<string, Visit | null>>): void {
    for (const visit of Object.values(visits)) {
      if (visit) {
        let ids = this.visitIds.get(visit.clientId);
        if (!ids) this.visitIds.set(visit.clientId, (ids = new Set()));
        ids.add(visit.id);
      }
      const at = visit?.times.checked_in;
      if (!visit || at === undefined) continue;
      const entry = this.entries.get(visit.clientId);
      if (entry && (entry.lastVisitAt === null || at > entry.lastVisitAt)) this.visited(entry, at);
    }
  }

  private visited(entry: Entry, at: number): void {
    entry.lastVisitAt = at;
    this.byVisit.touch(entry);
  }

  private addDigits(entry: Entry, digits: readonly string[]): void {
    this.digitGrams.add(entry, digits);
    for (const d of digits) {
      let entries = this.byDigits.get(d);
      if (!entries) this.byDigits.set(d, (entries = new Set()));
      entries.add(entry);
    }
  }

  private removeDigits(entry: Entry, digits: readonly string[]): void {
    this.digitGrams.remove(entry, digits);
    for (const d of digits) {
      const entries = this.byDigits.get(d);
      entries?.delete(entry);
      if (entries?.size === 0) this.byDigits.delete(d);
    }
  }
}

const sameStrings = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);

const latestOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

const rank = (match: ClientHit['match']): number => (match === 'phone_exact' ? 0 : 1);

type Found = { entry: Entry; match: ClientHit['match'] };

/** `String.prototype.localeCompare` without locales or options is this collator's compare (ECMA-402), made once. */
const byLocale = new Intl.Collator().compare;

/**
 * The first `limit` of these in ranking order, kept in order as they are gone through instead of sorting them all
 * (a two-letter name part matches thousands), and whether there were more than SEARCH_LIMIT.
 */
function firstOf(all: readonly Found[], limit = SEARCH_LIMIT): { found: Found[]; more: boolean } {
  const top: Found[] = [];
  for (const candidate of all) {
    if (top.length === limit && before(top[limit - 1]!, candidate)) continue;
    let at = top.length;
    while (at > 0 && before(candidate, top[at - 1]!)) at--;
    top.splice(at, 0, candidate);
    if (top.length > limit) top.pop();
  }
  return { found: top, more: all.length > SEARCH_LIMIT };
}

/** Whether a comes before b: the whole number first, then the latest visitor, then by name, then by id. */
function before(a: { entry: Entry; match: ClientHit['match'] }, b: { entry: Entry; match: ClientHit['match'] }): boolean {
  const order =
    rank(a.match) - rank(b.match) ||
    (b.entry.lastVisitAt ?? -1) - (a.entry.lastVisitAt ?? -1) ||
    byLocale(a.entry.keys[0] ?? '', b.entry.keys[0] ?? '') ||
    byLocale(a.entry.id, b.entry.id);
  return order < 0;
}
