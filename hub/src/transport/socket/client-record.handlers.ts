import { CLIENT_RECORD_STAFF_COMMANDS } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { isRefusal, toAppError } from '../../services/app-error.ts';
import { decideClientEdit, decideClientMerge, decideProposeMerge } from '../../services/client-record/client-edits.decision.ts';
import { decideDeclineMerge } from '../../services/client-record/merge-proposals.ts';
import type { Actor } from '../../services/visit-access.ts';
import type { CommandHandlers } from './bind-commands.ts';
import { runAs } from './run-as.ts';

/**
 * The client's record (#16; the binder has checked the roles and the input's shape): search and the record are reads
 * answered by core.records (who may see whom is decided there); corrections and merges run on the one command path.
 */
export function clientRecordStaffHandlers(core: HubCore, actor: () => Actor, sender: string): CommandHandlers<typeof CLIENT_RECORD_STAFF_COMMANDS> {
  const run = runAs(core, actor, sender);
  return {
    'clients:search': async (input) => ({ ok: true, data: await core.records.search(actor(), input.query) }),
    'clients:record': async (input, lang) => {
      const record = await core.records.record(actor(), input.clientId);
      return isRefusal(record) ? { ok: false, error: toAppError(record, lang) } : { ok: true, data: record };
    },
    'clients:classes': async (input) => ({ ok: true, data: { classes: await core.records.classes(actor(), input.clientIds) } }),
    'clients:edit': (input, lang) =>
      run('clients:edit', input, lang, (s, now, who) =>
        decideClientEdit(s, now, who, input, (phone) => core.clients.find(phone), core.deps.newId()),
      ),
    'clients:proposeMerge': (input, lang) =>
      run('clients:proposeMerge', input, lang, (s, now, who) => decideProposeMerge(s, now, who, input, core.deps.newId())),
    'clients:merge': (input, lang) =>
      run('clients:merge', input, lang, (s, now, who) => decideClientMerge(s, now, who, input, core.deps.newId())),
    'clients:declineMerge': (input, lang) =>
      run('clients:declineMerge', input, lang, (s, now, who) => decideDeclineMerge(s, now, who, input, core.deps.newId())),
  };
}
