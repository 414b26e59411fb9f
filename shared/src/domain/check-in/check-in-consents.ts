import type { ConsentChoice, ConsentRecord, ConsentSettings, Signature, StoredSignature } from '../../schemas/consent.schema.ts';
import { decideConsents, type ConsentOutcome } from '../consents.ts';
import { refuse, type Refusal } from '../refusal.ts';

export type ConsentStep = ConsentOutcome & { signature: StoredSignature[] | null };

/**
 * The kiosk's consents and signatures, checked against the salon's current texts (decideConsents): each signature
 * must be for a consent granted now, and every granted consent the salon wants signed must have one (terms and health
 * both, when it asks for both). `history`: the client's earlier choices, only when they proved who they are.
 */
export function decideConsentStep(
  settings: ConsentSettings,
  history: readonly ConsentRecord[] | undefined,
  choices: readonly ConsentChoice[],
  signatures: readonly Signature[],
  now: number,
): ConsentStep | Refusal {
  const consents = decideConsents(settings, history, choices, now);
  if ('reason' in consents) {
    const params = 'kind' in consents ? { consent: `consent.kind.${consents.kind}` } : undefined;
    return refuse(consents.reason === 'consent_outdated' ? 'conflict' : 'invalid_input', consents.reason, params);
  }
  for (const sig of signatures) {
    if (!choices.some((c) => c.kind === sig.consent && c.granted)) return refuse('invalid_input', 'signature_not_granted');
  }
  const unsigned = consents.signatureFor.find((kind) => !signatures.some((s) => s.consent === kind));
  if (unsigned) return refuse('invalid_input', 'signature_required', { consent: `consent.kind.${unsigned}` });
  return { ...consents, signature: signatures.length ? signatures.map((s) => ({ ...s, at: now })) : null };
}
