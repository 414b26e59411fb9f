import { pinyin } from 'pinyin-pro';
import { nationalDigits, withoutTrunkZero, type Client, type ClientHit, type PhoneCountry, type Visit } from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';
import { ClientOwnedIndex, type OwnedCollection } from './client-owned-index.ts';
import { GramIndex } from './gram-index.ts';
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

  constructor(private readonly country: () => PhoneCountry) {}

  /** Starts building from the state (read as it is when each slice runs, so notes made meanwhile are not undone). */
  rebuild(state: () => Pick<HubState, 'clients' | 'visits'> & Partial<Pick<HubState, OwnedCollection>>): Promise<void> {
    const generation = ++this.generation;
    // A few thousand records at most: built at once, so the notes that follow keep it in step.
    this.owned.rebuild(state());
    this.entries = new Map();
    this.digitGrams.clear();
    this.nameGrams.clear();
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
      if (entry && (entry.lastVisitAt === null || at > entry.lastVisitAt)) entry.lastVisitAt = at;
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
    const found: Array<{ entry: Entry; match: ClientHit['match'] }> = [];
    if (/^\d+$/.test(digits)) {
      if (digits.length < PHONE_MIN_DIGITS) return { hits: [], more: false };
      const national = withoutTrunkZero(digits);
      // `national` is `digits` or its end, so every number holding `digits` holds `national`: its grams find both.
      for (const entry of this.candidates(this.digitGrams, national)) {
        if (!entry.digits.some((d) => d.includes(digits) || d.includes(national)) || !allowed(entry.id)) continue;
        found.push({ entry, match: entry.digits.some((d) => d === digits || d === national) ? 'phone_exact' : 'phone' });
      }
    } else {
      const folded = foldLatin(query);
      if (folded.length === 0) return { hits: [], more: false };
      for (const entry of this.candidates(this.nameGrams, folded)) {
        if (!entry.keys.some((key) => key.includes(folded)) || !allowed(entry.id)) continue;
        found.push({ entry, match: 'name' });
      }
    }
    // Only the first SEARCH_LIMIT are wanted: kept in order as they are found, instead of sorting every match (a
    // two-letter name part matches thousands).
    const top: typeof found = [];
    for (const candidate of found) {
      if (top.length === SEARCH_LIMIT && before(top[SEARCH_LIMIT - 1]!, candidate)) continue;
      let at = top.length;
      while (at > 0 && before(candidate, top[at - 1]!)) at--;
      top.splice(at, 0, candidate);
      if (top.length > SEARCH_LIMIT) top.pop();
    }
    const hits = top.map(({ entry, match }) => ({
      id: entry.id,
      firstName: entry.client.firstName,
      lastName: entry.client.lastName,
      phone: entry.client.phone,
      lastVisitAt: entry.lastVisitAt,
      match,
    }));
    return { hits, more: found.length > SEARCH_LIMIT };
  }

  /**
   * The entries that may match the query, to be checked with the search's rule: those under the query's grams, or
   * every entry when the query is too short to have grams or its grams are in most clients' keys (walking the entries
   * was measured a little faster than walking a set of half of them: "w", "7700" of the large salon's UK numbers).
   */
  private candidates(grams: GramIndex<Entry>, query: string): Iterable<Entry> {
    const found = grams.candidates(query);
    return found === null || found.size > this.entries.size / 2 ? this.entries.values() : found;
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
      this.digitGrams.add(entry, digits);
      this.nameGrams.add(entry, keys);
      this.entries.set(client.id, entry);
      return;
    }
    // The entry is changed in place, as the gram index holds it: only the grams of what changed move.
    if (!sameStrings(previous.digits, digits)) {
      this.digitGrams.remove(previous, previous.digits);
      this.digitGrams.add(previous, digits);
    }
    if (previous.keys !== keys) {
      this.nameGrams.remove(previous, previous.keys);
      this.nameGrams.add(previous, keys);
    }
    Object.assign(previous, { digits, keys, client, lastVisitAt });
  }

  private forget(clientId: string): void {
    const previous = this.entries.get(clientId);
    if (!previous) return;
    this.digitGrams.remove(previous, previous.digits);
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
      if (entry && (entry.lastVisitAt === null || at > entry.lastVisitAt)) entry.lastVisitAt = at;
    }
  }
}

const sameStrings = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((s, i) => s === b[i]);

const latestOf = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

const rank = (match: ClientHit['match']): number => (match === 'phone_exact' ? 0 : 1);

/** Whether a comes before b: the whole number first, then the latest visitor, then by name, then by id. */
function before(a: { entry: Entry; match: ClientHit['match'] }, b: { entry: Entry; match: ClientHit['match'] }): boolean {
  const order =
    rank(a.match) - rank(b.match) ||
    (b.entry.lastVisitAt ?? -1) - (a.entry.lastVisitAt ?? -1) ||
    (a.entry.keys[0] ?? '').localeCompare(b.entry.keys[0] ?? '') ||
    a.entry.id.localeCompare(b.entry.id);
  return order < 0;
}
