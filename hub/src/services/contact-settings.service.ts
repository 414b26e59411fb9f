import type { ContactInput, SalonContact } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { aftercareSettingsOf } from './aftercare-settings.ts';
import type { Decision } from './hub-engine.ts';

/**
 * The manager sets how clients reach the salon (phone, address), printed on every aftercare sheet with the opening
 * hours of the booking settings. It lives with the aftercare settings, so the manager's view and the phone pages pick
 * it up from there.
 */
export function decideContact(state: Readonly<HubState>, input: Pick<ContactInput, 'phone' | 'address'>): Decision<SalonContact> {
  const contact: SalonContact = { phone: input.phone, address: input.address };
  return { changes: { meta: { aftercare: { ...aftercareSettingsOf(state), contact } } }, result: contact };
}
