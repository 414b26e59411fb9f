import {
  CONSENT_KINDS,
  type ConsentChoice,
  type ConsentKind,
  type ConsentRecord,
  type ConsentSettings,
} from '../schemas/consent.schema.ts';
import type { GrantedConsents } from '../schemas/kiosk-identity.schema.ts';

/** Per kind, the version of the client's latest choice if it was a yes; null if never asked or the latest was a no. */
export function grantedConsents(history: readonly ConsentRecord[] | undefined): GrantedConsents {
  const out: GrantedConsents = { terms: null, health: null, marketing: null };
  for (const r of history ?? []) out[r.kind] = r.granted ? r.version : null;
  return out;
}

export type ConsentProblem =
  | { reason: 'consent_duplicate' }
  | { reason: 'consent_unknown'; kind: ConsentKind }
  | { reason: 'consent_outdated'; kind: ConsentKind }
  | { reason: 'consent_terms_required'; kind: ConsentKind };

export type ConsentOutcome = {
  /** What to append to the client's history (one line per choice made now). */
  records: ConsentRecord[];
  /** Whether the health questions may be stored: granted now, or granted earlier for the current text. */
  health: boolean;
  /** Consents granted now whose text asks for a signature. */
  signatureFor: ConsentKind[];
};

/**
 * Checks the consent choices of a check-in against the salon's current texts: each kind at most once, each one the
 * salon asks for, each for the version now in force (an older text must be read again). A required consent (terms)
 * must be granted now or have been granted earlier for the same version (no choice made now is an empty list: the
 * ones on file must then still stand). The front desk keeps consents on paper and never comes here.
 */
export function decideConsents(
  settings: ConsentSettings,
  history: readonly ConsentRecord[] | undefined,
  choices: readonly ConsentChoice[],
  now: number,
): ConsentOutcome | ConsentProblem {
  const kinds = new Set(choices.map((c) => c.kind));
  if (kinds.size !== choices.length) return { reason: 'consent_duplicate' };
  for (const c of choices) {
    const text = settings[c.kind];
    if (!text) return { reason: 'consent_unknown', kind: c.kind };
    if (text.version !== c.version) return { reason: 'consent_outdated', kind: c.kind };
  }
  const before = grantedConsents(history);
  const granted = (kind: ConsentKind): boolean => {
    const now_ = choices.find((c) => c.kind === kind);
    return now_ ? now_.granted : before[kind] !== null && before[kind] === settings[kind]?.version;
  };
  for (const kind of CONSENT_KINDS) {
    if (settings[kind]?.required && !granted(kind)) return { reason: 'consent_terms_required', kind };
  }
  return {
    records: choices.map((c) => ({ kind: c.kind, version: c.version, granted: c.granted, at: now })),
    // Without a health text the salon does not ask for this consent, so answers are kept as before.
    health: settings.health ? granted('health') : true,
    signatureFor: choices.filter((c) => c.granted && settings[c.kind]?.signatureRequired).map((c) => c.kind),
  };
}
