import { DESK_BOOKING_STAFF_COMMANDS } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { sha256 } from '../../security/secrets.ts';
import { isRefusal, toAppError } from '../../services/app-error.ts';
import { decideDeskBook, decideDeskCancel, decideDeskHold, decideDeskMove, decideDeskRelease, deskSlots } from '../../services/desk-booking.service.ts';
import type { Actor } from '../../services/visit-access.ts';
import type { CommandHandlers } from './bind-commands.ts';
import { runAs } from './run-as.ts';

/**
 * Desk bookings (#16; the binder has checked the front-desk/manager role and the input's shape): the free times are
 * a read of the hub's state; hold, release, book, move and cancel run on the one command path like the phone's.
 */
export function deskBookingStaffHandlers(core: HubCore, actor: () => Actor, sender: string): CommandHandlers<typeof DESK_BOOKING_STAFF_COMMANDS> {
  const run = runAs(core, actor, sender);
  return {
    'desk:slots': async (input, lang) => {
      const found = deskSlots(core.engine.state, core.deps.clock(), input);
      return isRefusal(found) ? { ok: false, error: toAppError(found, lang) } : { ok: true, data: found };
    },
    'desk:hold': (input, lang) => run('desk:hold', input, lang, (s, now, who) => decideDeskHold(s, now, who, input, core.deps.newId)),
    'desk:release': (input, lang) => run('desk:release', input, lang, (s, _now, who) => decideDeskRelease(s, who, input.bookingId)),
    'desk:book': (input, lang) => run('desk:book', input, lang, (s, now) => decideDeskBook(s, now, input.bookingId)),
    // The booking's link (if the client made it on their phone) follows the booking: its hash is derived, never kept.
    'desk:move': (input, lang) =>
      run('desk:move', input, lang, (s, now, who) => decideDeskMove(s, now, who, input, sha256(core.reads.bookingTokenFor(input.bookingId)))),
    'desk:cancel': (input, lang) => run('desk:cancel', input, lang, (s, now, who) => decideDeskCancel(s, now, who, input)),
  };
}
