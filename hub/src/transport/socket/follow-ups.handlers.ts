import { FOLLOW_UP_STAFF_COMMANDS } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { contextsWithHistory } from '../../services/follow-ups/follow-up-context-history.ts';
import { historyForProblem } from '../../services/follow-ups/follow-up-history.ts';
import { decideRecordFollowUp } from '../../services/follow-ups/follow-up-record.decision.ts';
import type { Actor } from '../../services/visit-access.ts';
import type { CommandHandlers } from './bind-commands.ts';
import { runAs } from './run-as.ts';

/**
 * Follow-up calls on the staff tablet (#16; the binder has checked the input and the role): an outcome is one
 * decision on the one command path; the client's context is a read that answers only for tasks the caller may work.
 */
export function followUpStaffHandlers(core: HubCore, actor: () => Actor, sender: string): CommandHandlers<typeof FOLLOW_UP_STAFF_COMMANDS> {
  const run = runAs(core, actor, sender);
  return {
    'followUp:record': async (input, lang) => {
      // A problem about a client whose visits are all on disk: her history is read first, off the command path.
      const history = await historyForProblem(() => core.engine.state, core.deps.store, actor(), input);
      return run('followUp:record', input, lang, (s, now, who) =>
        decideRecordFollowUp(s, now, who, input, {
          complaintId: core.deps.newId(),
          timeZone: core.reads.timeZone(),
          openingHours: core.reads.bookingSettings().openingHours,
          history,
        }),
      );
    },
    // Calls about clients whose visits are all on disk (or on a merged record) get them read, off the command path.
    'followUp:context': async (input) => ({
      ok: true,
      data: { contexts: await contextsWithHistory(() => core.engine.state, core.deps.store, core.reads.followUpContexts(actor(), input.taskIds)) },
    }),
  };
}
