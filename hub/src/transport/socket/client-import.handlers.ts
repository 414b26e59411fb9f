import { CLIENT_IMPORT_STAFF_COMMANDS, type Ack } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { isRefusal, refuse, toAppError } from '../../services/app-error.ts';
import { writeClientImport } from '../../services/client-import/import-writer.ts';
import type { Actor } from '../../services/visit-access.ts';
import type { CommandHandlers } from './bind-commands.ts';
import { runAs } from './run-as.ts';

/** Imports being written now, by tablet and command id: a retry meanwhile waits for the same answer. */
const writing = new Map<string, Promise<Ack<{ added: number }>>>();

/**
 * Importing the salon's client list (#13; the binder has checked the manager role and every row's shape): chunks are
 * checked and kept for this tablet (core.imports), then `clients:import` adds them all on the one command path, in
 * parts so that the floor keeps answering (services/client-import/import-writer.ts), or adds none.
 */
export function clientImportStaffHandlers(core: HubCore, actor: () => Actor, sender: string): CommandHandlers<typeof CLIENT_IMPORT_STAFF_COMMANDS> {
  const run = runAs(core, actor, sender);
  return {
    'clients:importCheck': async (input, lang) => {
      const checked = core.imports.check(sender, input);
      return isRefusal(checked) ? { ok: false, error: toAppError(checked, lang) } : { ok: true, data: checked };
    },
    'clients:import': async (input, lang) => {
      // Answered already (a tablet that lost the answer): the engine gives the recorded one and writes nothing.
      if (core.engine.answered(input.commandId, sender)) return run('clients:import', input, lang, () => refuse('conflict', 'import_busy'));
      // Being written now (the same command sent again meanwhile): the same answer when it comes.
      const key = `${sender} ${input.commandId}`;
      const pending = writing.get(key);
      if (pending) return pending;
      const rows = core.imports.rows(sender, input.importId);
      const answer = writeClientImport(
        { engine: core.engine, isClientPhone: (phone) => core.clients.find(phone) !== undefined, newId: () => core.deps.newId(), logger: core.deps.logger },
        { commandId: input.commandId, sender, language: lang },
        rows,
        input.expected,
      );
      writing.set(key, answer);
      try {
        const ack = await answer;
        if (ack.ok) core.imports.forget(sender, input.importId);
        return ack;
      } finally {
        writing.delete(key);
      }
    },
  };
}
