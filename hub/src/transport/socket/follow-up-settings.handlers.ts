import { FOLLOW_UP_SETTINGS_STAFF_COMMANDS } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { decideFollowUpSettings } from '../../services/follow-ups/follow-up-settings.service.ts';
import type { Actor } from '../../services/visit-access.ts';
import type { CommandHandlers } from './bind-commands.ts';
import { runAs } from './run-as.ts';

/** The manager's follow-up settings (#16; the binder has checked the role and the input): one decision, journaled. */
export function followUpSettingsStaffHandlers(core: HubCore, actor: () => Actor, sender: string): CommandHandlers<typeof FOLLOW_UP_SETTINGS_STAFF_COMMANDS> {
  const run = runAs(core, actor, sender);
  return {
    'followUps:saveSettings': (input, lang) => run('followUps:saveSettings', input, lang, () => decideFollowUpSettings(input.settings)),
  };
}
