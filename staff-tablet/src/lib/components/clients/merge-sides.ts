import type { ClientRecord, Translate } from '@glow/shared';

/** One side of a proposed merge as the manager compares them (#16): what tells two records of one person apart. */
export type MergeSide = { name: string; phone: string; birthday: string; visits: string; lastVisit: string; consents: string[] };

export type SideFormat = {
  t: Translate;
  /** A moment as a long date in the salon's format. */
  longDate: (at: number) => string;
  /** A calendar date (YYYY-MM-DD) the same way. */
  day: (ymd: string) => string;
  phone: (e164: string) => string;
  name: (c: { firstName: string; lastName: string }) => string;
};

/** The record read for one side (`clients:record`: the whole merge group, history from disk included), as written. */
export function mergeSideOf(record: ClientRecord, f: SideFormat): MergeSide {
  const none = f.t('clients.none');
  return {
    name: f.name(record.client),
    phone: f.phone(record.client.phone),
    birthday: record.client.birthday ? f.day(record.client.birthday) : f.t('clients.noBirthday'),
    visits: String(record.visits.length),
    lastVisit: record.dates.lastVisit === null ? none : f.longDate(record.dates.lastVisit),
    consents:
      record.consents.length === 0
        ? [none]
        : record.consents.map((c) =>
            f.t(c.granted ? 'clients.consent.granted' : 'clients.consent.refused', {
              kind: f.t(`clients.consentKind.${c.kind}`),
              version: c.version,
              date: f.longDate(c.at),
            }),
          ),
  };
}
