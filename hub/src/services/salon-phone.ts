import { canonicalPhone, phoneCountryOf, type Ack, type Language, type PhoneCountry, type SalonInfo } from '@glow/shared';
import { refuse, toAppError, type Refusal } from './app-error.ts';

/** The parts of a check-in that carry a typed phone number: a new client's details, or "I have been here before". */
type WithPhones = { client?: { phone: string } | undefined; returning?: { phone: string } | undefined };

/**
 * The input with every phone number in the one form the hub stores and looks numbers up in (canonicalPhone, read
 * with the salon's country), or a refusal naming the field when a number cannot exist. The schemas only checked the
 * shape: which numbers are possible depends on the salon's country, which a static schema cannot know.
 */
export function withCanonicalPhones<T extends WithPhones>(input: T, country: PhoneCountry): T | Refusal {
  let out = input;
  for (const part of ['client', 'returning'] as const) {
    const given = input[part];
    if (!given) continue;
    const canonical = canonicalPhone(given.phone, country);
    if (!canonical.ok) {
      return refuse('invalid_input', canonical.rule, undefined, [{ field: `${part}.phone`, rule: canonical.rule }]);
    }
    out = { ...out, [part]: { ...given, phone: canonical.phone } };
  }
  return out;
}

/**
 * A command handler that receives its phone numbers in canonical form; an impossible number is answered in the
 * sender's language before the handler runs (nothing is decided, nothing journaled).
 */
export function withSalonPhones<I extends WithPhones, R>(
  salon: () => Pick<SalonInfo, 'phoneCountry'>,
  handler: (input: I, language: Language) => Promise<Ack<R>>,
): (input: I, language: Language) => Promise<Ack<R>> {
  return (input, language) => {
    const canonical = withCanonicalPhones(input, phoneCountryOf(salon()));
    return 'code' in canonical ? Promise.resolve({ ok: false, error: toAppError(canonical, language) }) : handler(canonical, language);
  };
}
