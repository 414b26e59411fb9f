import type { ConsentChoice, ConsentKind, ConsentText, GrantedConsents, KioskView } from '@glow/shared';

/** The order in which the kiosk asks: terms first (needed to check in), then health, then marketing (optional). */
export const CONSENT_ORDER: readonly ConsentKind[] = ['terms', 'health', 'marketing'];

/**
 * The consents to ask for, in order: every text the salon has set up for a new client; for a returning client only
 * those they have not granted in the current version (a new text version is asked again), and marketing only once
 * (a client who said no is not asked at every visit).
 */
export function consentsToAsk(settings: KioskView['consents'], granted: GrantedConsents | null): ConsentText[] {
  const out: ConsentText[] = [];
  for (const kind of CONSENT_ORDER) {
    const text = settings[kind];
    if (!text) continue;
    if (granted) {
      if (kind === 'marketing') continue;
      const version = granted[kind];
      if (version !== null && version >= text.version) continue;
    }
    out.push(text);
  }
  return out;
}

/**
 * Whether the client's health answers may be collected on this visit: a consent given now, or for a returning client
 * one granted before in the current version. A salon without a health text collects answers as before.
 */
export function healthConsented(
  settings: KioskView['consents'],
  granted: GrantedConsents | null,
  choices: readonly ConsentChoice[],
): boolean {
  const text = settings.health;
  if (!text) return true;
  const now = choices.find((c) => c.kind === 'health');
  if (now) return now.granted;
  return granted?.health != null && granted.health >= text.version;
}
