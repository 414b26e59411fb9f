import { LanguageSchema, type Language } from '@glow/shared';

/**
 * The mark a visit in progress leaves in the tab's session storage, so that a reload in the middle of it can say that
 * the kiosk started again, in the language the client was reading (not the salon's default). It holds the language
 * and nothing else about the client.
 */
const MID_VISIT = 'glow.kiosk.midVisit';

type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function markMidVisit(storage: SessionStore, language: Language): void {
  storage.setItem(MID_VISIT, language);
}

export function clearMidVisit(storage: SessionStore): void {
  storage.removeItem(MID_VISIT);
}

/** After a load: whether a visit was cut short by it, and the language its client was reading (null if unknown). */
export function readMidVisit(storage: SessionStore): { reloaded: boolean; language: Language | null } {
  const mark = storage.getItem(MID_VISIT);
  const language = LanguageSchema.safeParse(mark);
  return { reloaded: mark !== null, language: language.success ? language.data : null };
}
