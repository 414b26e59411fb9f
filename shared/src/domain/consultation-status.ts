import type { Visit } from '../schemas/visit.schema.ts';

/**
 * The consultation was never asked (the desk checked the client in, or they declined the health consent at the
 * kiosk) and the beautician has not yet run it in the room: until they do, there is nothing to say about
 * contraindications — never "none reported" — and the plan cannot be confirmed.
 */
export const consultationPending = (visit: Pick<Visit, 'consultationInPerson' | 'inRoomConsultation'>): boolean =>
  visit.consultationInPerson === true && !visit.inRoomConsultation;
