import { SETUP_STAFF_COMMANDS, type StaffSession } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { hashPin } from '../../security/secrets.ts';
import { toAppError } from '../../services/app-error.ts';
import type { AttemptOrigin } from '../../services/auth.service.ts';
import { decideSetPin } from '../../services/pin.service.ts';
import { decideSalonProfile } from '../../services/salon-profile.service.ts';
import type { Actor } from '../../services/visit-access.ts';
import type { CommandHandlers } from './bind-commands.ts';
import { runAs } from './run-as.ts';

/**
 * PINs and the salon's own settings (#13), on the one command path: the binder has checked the role and the input.
 * A PIN is hashed (scrypt, its own salt) before the decision, so the journal and the command record hold only the
 * hash. A retried command gets its first answer (the engine) and hashes nothing new into the journal.
 */
export function pinStaffHandlers(
  core: HubCore,
  actor: () => Actor,
  origin: AttemptOrigin,
  session: () => StaffSession | null,
  /** Called once someone's sessions were ended on the hub, to sign their tablets out now (staff.namespace.ts). */
  sessionsEnded: () => void = () => {},
): CommandHandlers<typeof SETUP_STAFF_COMMANDS> {
  const run = runAs(core, actor, `device:${origin.deviceId}`);
  return {
    // The manager sets or resets anyone's PIN (their own too); the person's other sessions end with the old PIN, and
    // their tablets are signed out at once (not at the next sweep): whoever knew the old PIN is out of the floor now.
    'staff:setPin': async (input, lang) => {
      const credential = await hashPin(input.pin);
      const ack = await run('staff:setPin', input, lang, (s) => decideSetPin(s, input.staffId, credential));
      if (ack.ok) {
        core.auth.endStaff(input.staffId, session()?.token);
        sessionsEnded();
      }
      return ack;
    },
    // Anyone changes their own: the current PIN first, under the sign-in's lock-out rules (a wrong one counts).
    'auth:changePin': async (input, lang) => {
      const who = actor();
      if (core.engine.answered(input.commandId, `device:${origin.deviceId}`)) {
        return run('auth:changePin', input, lang, () => ({ changes: {}, result: {} }));
      }
      const checked = await core.auth.checkPin(origin, who.staffId, input.oldPin, 'auth:changePin');
      if (checked !== true) {
        const refusal = checked.reason === 'bad_pin' ? { ...checked, reason: 'bad_old_pin' } : checked;
        return { ok: false, error: toAppError(refusal, lang) };
      }
      const credential = await hashPin(input.pin);
      return run('auth:changePin', input, lang, (s) => decideSetPin(s, who.staffId, credential));
    },
    'settings:salon': (input, lang) => run('settings:salon', input, lang, (s) => decideSalonProfile(s, input)),
  };
}
