import { newCommandId, PROTOCOL_VERSION, type Answers, type ConsentSettings, type Service, type ServiceCategory } from '@glow/shared';
import { largeSalonPhone, LARGE_SALON } from './large-salon.ts';

/** Consultation answers a client gives for a service category (the demo questionnaires; nothing that blocks). */
export function answersFor(category: ServiceCategory, i: number): Answers {
  switch (category) {
    case 'facial':
      return { pregnant: false, isotretinoin: false, sunburn: false, skin_allergy: false, concerns: i % 2 ? ['dryness'] : ['acne', 'dullness'] };
    case 'body':
      return { pregnant: false, pressure: 1 + (i % 5) };
    case 'hair_colour':
      // A patch test a month ago: neither too recent nor too old for the demo questionnaire's rules.
      return { allergy: false, patch_test: 'passed', patch_test_date: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), scalp: false };
    case 'nails':
      return { nail_infection: false };
    default:
      // A category the salon added itself has no demo questionnaire: nothing to answer.
      return {};
  }
}

/**
 * The salon's consent texts, as the kiosk's snapshot gives them (sockets.ts records them at every kiosk connection):
 * a new client grants each at the version shown, and signs those the salon wants signed, as a kiosk sends it.
 */
let consentTexts: ConsentSettings = {};
export function useConsentTexts(texts: ConsentSettings | undefined): void {
  if (texts) consentTexts = texts;
}

/** A few strokes on the pad, as a client's signature is. */
const strokes = [[10, 10, 60, 40, 110, 30, 160, 70, 210, 20]];

/**
 * The i-th check-in of a bench phase: every other one a returning client of the large salon who gives only their
 * phone number ("I have been here before": no answers or consents, as the kiosk sends it), the others new clients
 * with a phone number no other phase uses (`series` keeps phases apart), who answer the consultation and grant the
 * salon's consents. Each has its own commandId.
 */
export function checkInInput(i: number, services: readonly Service[], series: number) {
  const service = services[(i * 7) % services.length]!;
  const language = i % 3 === 0 ? ('zh-CN' as const) : ('en' as const);
  const base = { commandId: newCommandId(), serviceId: service.id, language };
  if (i % 2 === 0) {
    const phone = largeSalonPhone((i * 7919 + series * 104_729) % LARGE_SALON.clients);
    // Protocol 4 on: every kiosk check-in carries its consents, none for a number alone (before it: none at all).
    return { ...base, returning: { phone }, ...(PROTOCOL_VERSION >= 4 ? { consents: [] } : {}) };
  }
  const texts = Object.values(consentTexts);
  const signature = texts.filter((t) => t.signatureRequired).map((t) => ({ consent: t.kind, width: 400, height: 150, strokes }));
  return {
    ...base,
    client: { firstName: `Bench${i}`, lastName: 'Client', phone: `074${String(series).padStart(2, '0')}${String(i).padStart(6, '0')}` },
    answers: answersFor(service.category, i),
    consents: texts.map((t) => ({ kind: t.kind, version: t.version, granted: true })),
    ...(signature.length ? { signature } : {}),
  };
}
