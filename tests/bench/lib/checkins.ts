import { newCommandId, type Answers, type Service, type ServiceCategory } from '@glow/shared';
import { largeSalonPhone, LARGE_SALON } from './large-salon.ts';

/** Consultation answers a client gives for a service category (the demo questionnaires; nothing that blocks). */
export function answersFor(category: ServiceCategory, i: number): Answers {
  switch (category) {
    case 'facial':
      return { pregnant: false, isotretinoin: false, sunburn: false, concerns: i % 2 ? ['dryness'] : ['acne', 'dullness'] };
    case 'body':
      return { pregnant: false, pressure: 1 + (i % 5) };
    case 'hair_colour':
      return { allergy: false, patch_test: 'passed' };
    case 'nails':
      return { nail_infection: false };
    default:
      // A category the salon added itself has no demo questionnaire: nothing to answer.
      return {};
  }
}

/**
 * The i-th check-in of a bench phase: every other one a returning client of the large salon (found by phone), the
 * others new clients with a phone number no other phase uses (`series` keeps phases apart). Each has its own
 * commandId.
 */
export function checkInInput(i: number, services: readonly Service[], series: number) {
  const service = services[(i * 7) % services.length]!;
  const returning = i % 2 === 0;
  const phone = returning
    ? largeSalonPhone((i * 7919 + series * 104_729) % LARGE_SALON.clients)
    : `074${String(series).padStart(2, '0')}${String(i).padStart(6, '0')}`;
  return {
    commandId: newCommandId(),
    client: { firstName: returning ? 'Returning' : `Bench${i}`, lastName: 'Client', phone },
    serviceId: service.id,
    language: i % 3 === 0 ? ('zh-CN' as const) : ('en' as const),
    answers: answersFor(service.category, i),
  };
}
