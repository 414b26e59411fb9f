import { SETTINGS_STAFF_COMMANDS } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { decideBookingSettings } from '../../services/booking-settings.service.ts';
import { decideConsentText } from '../../services/consent-settings.service.ts';
import { decideContact } from '../../services/contact-settings.service.ts';
import { decideServiceAftercare } from '../../services/service-aftercare-settings.service.ts';
import type { Actor } from '../../services/visit-access.ts';
import type { CommandHandlers } from './bind-commands.ts';
import { runAs } from './run-as.ts';

/**
 * The manager's salon settings (the binder has checked the role and the input): each a one-line decision on the one
 * command path, so every change is journaled, a retried save answers its first answer, and the views follow.
 */
export function settingsStaffHandlers(core: HubCore, actor: () => Actor, sender: string): CommandHandlers<typeof SETTINGS_STAFF_COMMANDS> {
  const run = runAs(core, actor, sender);
  return {
    'settings:serviceAftercare': (input, lang) => run('settings:serviceAftercare', input, lang, (s) => decideServiceAftercare(s, input)),
    'settings:booking': (input, lang) => run('settings:booking', input, lang, (s) => decideBookingSettings(s, input)),
    'settings:consent': (input, lang) => run('settings:consent', input, lang, (s) => decideConsentText(s, input)),
    'settings:contact': (input, lang) => run('settings:contact', input, lang, (s) => decideContact(s, input)),
  };
}
