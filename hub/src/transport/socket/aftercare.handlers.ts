import { AFTERCARE_STAFF_COMMANDS } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { decideRevokeAftercareLinks } from '../../services/aftercare-link.service.ts';
import { decideSetAftercareSettings } from '../../services/aftercare-settings.ts';
import { refuse, toAppError } from '../../services/app-error.ts';
import { decideAcknowledgeComplaint, decideResolveComplaint } from '../../services/complaint.service.ts';
import type { Actor } from '../../services/visit-access.ts';
import type { CommandHandlers } from './bind-commands.ts';
import { runAs } from './run-as.ts';

/**
 * The staff side of aftercare: complaints from the phone page (acknowledge, resolve, see the photo), revoking a
 * visit's link, and the link and report-window settings. Each a one-line decision on the one command path, except
 * the photo, which only reads.
 */
export function aftercareStaffHandlers(core: HubCore, actor: () => Actor, sender: string): CommandHandlers<typeof AFTERCARE_STAFF_COMMANDS> {
  const run = runAs(core, actor, sender);
  return {
    'complaint:acknowledge': (input, lang) =>
      run('complaint:acknowledge', input, lang, (s, now, who) => decideAcknowledgeComplaint(s, now, who, input.complaintId)),
    'complaint:resolve': (input, lang) =>
      run('complaint:resolve', input, lang, (s, now, who) => decideResolveComplaint(s, now, who, input.complaintId, input.resolution)),
    'complaint:photo': async (input, lang) => {
      const photo = core.reads.complaintPhoto(input.complaintId);
      if (!photo) return { ok: false, error: toAppError(refuse('not_found', 'no_photo'), lang) };
      const bytes = await core.deps.store.getBlob(photo.blobId);
      if (!bytes) return { ok: false, error: toAppError(refuse('not_found', 'no_photo'), lang) };
      return { ok: true, data: { dataUrl: `data:${photo.type};base64,${Buffer.from(bytes).toString('base64')}` } };
    },
    'aftercare:revokeLink': (input, lang) =>
      run('aftercare:revokeLink', input, lang, (s, now) => decideRevokeAftercareLinks(s, now, input.visitId)),
    'aftercare:setSettings': (input, lang) =>
      run('aftercare:setSettings', input, lang, (s) => decideSetAftercareSettings(s, input)),
  };
}
