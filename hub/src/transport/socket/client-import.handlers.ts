import { CLIENT_IMPORT_STAFF_COMMANDS } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { isRefusal, toAppError } from '../../services/app-error.ts';
import { decideClientImport } from '../../services/client-import/client-import.decision.ts';
import type { Actor } from '../../services/visit-access.ts';
import type { CommandHandlers } from './bind-commands.ts';
import { runAs } from './run-as.ts';

/**
 * Importing the salon's client list (#13; the binder has checked the manager role and every row's shape): chunks are
 * checked and kept for this tablet (core.imports), then one command on the one command path adds them all.
 */
export function clientImportStaffHandlers(core: HubCore, actor: () => Actor, sender: string): CommandHandlers<typeof CLIENT_IMPORT_STAFF_COMMANDS> {
  const run = runAs(core, actor, sender);
  return {
    'clients:importCheck': async (input, lang) => {
      const checked = core.imports.check(sender, input);
      return isRefusal(checked) ? { ok: false, error: toAppError(checked, lang) } : { ok: true, data: checked };
    },
    'clients:import': async (input, lang) => {
      const rows = core.imports.rows(sender, input.importId);
      const ack = await run('clients:import', input, lang, (s, now) =>
        decideClientImport(s, now, rows, input.expected, (phone) => core.clients.find(phone) !== undefined, () => core.deps.newId()),
      );
      if (ack.ok) core.imports.forget(sender, input.importId);
      return ack;
    },
  };
}
