import { decideOverrideBlock } from '../../services/override-block.service.ts';
import { decideReplaceQuestionnaire } from '../../services/questionnaire.service.ts';
import { SETUP_STAFF_COMMANDS, STAFF_COMMANDS } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { sha256 } from '../../security/secrets.ts';
import { decideAccept } from '../../services/accept.service.ts';
import { decideReminderDone } from '../../services/booking-reminder.service.ts';
import { decideEndUnserved } from '../../services/cancel.service.ts';
import { decideDeskCheckIn } from '../../services/checkin.service.ts';
import { decideResolveIdentity } from '../../services/checkin-identity.service.ts';
import { decideRevokeDevice } from '../../services/device.service.ts';
import { decideSetAutoAssign } from '../../services/floor-settings.service.ts';
import { decideHandBack } from '../../services/hand-back.service.ts';
import { decideAcknowledgeIncident, decideRaiseIncident, decideResolveIncident } from '../../services/incident.service.ts';
import { decideRecordConsultation } from '../../services/in-room-consultation.service.ts';
import { decideMarkPresent } from '../../services/presence.service.ts';
import { decideManualAssign } from '../../services/manual-assign.service.ts';
import { decideCreatePairingCode } from '../../services/pairing.service.ts';
import { decidePlanConfirm, decidePlanUpdate } from '../../services/plan.service.ts';
import { decideReorder } from '../../services/queue.service.ts';
import { decideRoomReady, decideSetOutOfService } from '../../services/room.service.ts';
import { decideRemoveSessionNote, decideSessionNote } from '../../services/session-note.service.ts';
import { decideClose, decideVisitStep } from '../../services/visit.service.ts';
import type { Actor } from '../../services/visit-access.ts';
import type { CommandHandlers } from './bind-commands.ts';
import { aftercareStaffHandlers } from './aftercare.handlers.ts';
import { settingsStaffHandlers } from './settings.handlers.ts';
import { catalogueStaffHandlers } from './catalogue.handlers.ts';
import { clientImportStaffHandlers } from './client-import.handlers.ts';
import { clientRecordStaffHandlers } from './client-record.handlers.ts';
import { deskBookingStaffHandlers } from './desk-bookings.handlers.ts';
import { outboxStaffHandlers } from './outbox.handlers.ts';
import { followUpStaffHandlers } from './follow-ups.handlers.ts';
import { followUpSettingsStaffHandlers } from './follow-up-settings.handlers.ts';
import { runAs } from './run-as.ts';
import { withSalonPhones } from '../../services/salon-phone.ts';

/** The PIN and salon-settings commands (#13) are bound in staff.namespace.ts: a PIN check needs the socket's address. */
type FloorCommands = Omit<typeof STAFF_COMMANDS, 'auth:login' | 'auth:logout' | keyof typeof SETUP_STAFF_COMMANDS>;

/**
 * The staff tablet's floor commands, each one line: the pure decision it runs through the one command path (decide →
 * apply → journal → ack → publish). Kept apart from the socket so that tests can drive the very same handlers
 * without one. `actor` is who is signed in; the binder has already checked the role.
 */
export function staffCommandHandlers(core: HubCore, actor: () => Actor, sender: string): CommandHandlers<FloorCommands> {
  const run = runAs(core, actor, sender);
  const active = () => core.reads.activeVisits();

  return {
    // room mode
    'visit:accept': (input, lang) => run('visit:accept', input, lang, (s, now, who) => decideAccept(s, now, who, input.visitId)),
    'visit:handBack': (input, lang) =>
      run('visit:handBack', input, lang, (s, now, who) => decideHandBack(s, now, who, input.visitId, input.reason)),
    'plan:update': (input, lang) =>
      run('plan:update', input, lang, (s, now, who) => decidePlanUpdate(s, now, who, input.visitId, input.plan)),
    'consultation:record': (input, lang) =>
      run('consultation:record', input, lang, (s, now, who) =>
        decideRecordConsultation(s, now, who, { visitId: input.visitId, answers: input.answers, language: lang }),
      ),
    'plan:confirm': (input, lang) =>
      run('plan:confirm', input, lang, (s, now, who) => decidePlanConfirm(s, now, who, input.visitId, input.planVersion)),
    'visit:start': (input, lang) => run('visit:start', input, lang, (s, now, who) => decideVisitStep(s, now, who, input.visitId, 'start')),
    'session:note': (input, lang) => run('session:note', input, lang, (s, now, who) => decideSessionNote(s, now, who, input)),
    'session:removeNote': (input, lang) =>
      run('session:removeNote', input, lang, (s, _now, who) => decideRemoveSessionNote(s, who, input)),
    'visit:finish': (input, lang) =>
      run('visit:finish', input, lang, (s, now, who) => decideVisitStep(s, now, who, input.visitId, 'finish')),
    'visit:close': async (input, lang) => {
      const token = core.reads.aftercareTokenFor(input.commandId);
      const ctx = { tokenHash: sha256(token), linkDays: core.reads.aftercareSettings().linkDays };
      const ack = await run('visit:close', input, lang, (s, now, who) => decideClose(s, now, who, input.visitId, input, ctx));
      const path = `/a/${token}`;
      const origin = core.phoneOrigin();
      return ack.ok ? { ok: true, data: { ...ack.data, aftercarePath: path, aftercareUrl: origin ? origin + path : null } } : ack;
    },
    'incident:raise': (input, lang) =>
      run('incident:raise', input, lang, (s, now, who) => decideRaiseIncident(s, now, who, input, core.deps.newId)),
    'room:ready': (input, lang) =>
      run('room:ready', input, lang, (s, now, who) => decideRoomReady(s, now, who, input.roomId, (id) => core.active.lastVisitIn(id))),
    // front desk and manager
    'visit:assign': (input, lang) => run('visit:assign', input, lang, (s, now) => decideManualAssign(s, now, input, active())),
    'visit:overrideBlock': (input, lang) =>
      run('visit:overrideBlock', input, lang, (s, now, who) => decideOverrideBlock(s, now, who, input)),
    'questionnaire:replace': (input, lang) =>
      run('questionnaire:replace', input, lang, (s) => decideReplaceQuestionnaire(s, input)),
    'visit:checkInByHand': withSalonPhones(() => core.reads.salon(), (input, lang) =>
      run('visit:checkInByHand', input, lang, (s, now) =>
        decideDeskCheckIn(s, now, input, core.checkInContext(s, now, input.client.phone)),
      )),
    'visit:cancel': (input, lang) =>
      run('visit:cancel', input, lang, (s, now, who) => decideEndUnserved(s, now, who, input.visitId, 'cancel')),
    'visit:noShow': (input, lang) =>
      run('visit:noShow', input, lang, (s, now, who) => decideEndUnserved(s, now, who, input.visitId, 'markNoShow')),
    'visit:resolveIdentity': (input, lang) =>
      run('visit:resolveIdentity', input, lang, (s, _now, who) => decideResolveIdentity(s, who, input.visitId, input.decision)),
    'queue:reorder': (input, lang) => run('queue:reorder', input, lang, (s, now) => decideReorder(s, now, input, active())),
    'staff:markPresent': (input, lang) =>
      run('staff:markPresent', input, lang, (s, now, who) => decideMarkPresent(s, now, core.today(now), input.staffId, who.staffId)),
    'floor:setAcceptWithin': (input, lang) =>
      run('floor:setAcceptWithin', input, lang, (s) => ({ changes: { meta: { floor: { ...s.meta.floor, acceptWithinMin: input.minutes } } }, result: {} })),
    'floor:setAutoAssign': (input, lang) => run('floor:setAutoAssign', input, lang, (s, now) => decideSetAutoAssign(s, now, input.enabled)),
    'room:setOutOfService': (input, lang) =>
      run('room:setOutOfService', input, lang, (s, now) => decideSetOutOfService(s, now, input.roomId, input.outOfService)),
    'incident:acknowledge': (input, lang) =>
      run('incident:acknowledge', input, lang, (s, now, who) => decideAcknowledgeIncident(s, now, who, input.incidentId)),
    'incident:resolve': (input, lang) =>
      run('incident:resolve', input, lang, (s, now, who) => decideResolveIncident(s, now, who, input.incidentId, input.resolution)),
    'device:revoke': async (input, lang) => {
      const ack = await run('device:revoke', input, lang, (s, now) => decideRevokeDevice(s, now, input.deviceId));
      if (ack.ok) core.securityLog.record({ kind: 'device_revoked', deviceId: input.deviceId, staffId: actor().staffId });
      return ack;
    },
    // The code is derived from this tablet and the command (under the hub's key), so the answer kept for a retry
    // holds only its expiry: the code itself is never written to the command log or the journal (only its hash).
    'pairing:create': async (input, lang) => {
      const code = core.reads.pairingCodeFor(sender, input.commandId);
      const ack = await run('pairing:create', input, lang, (_s, now) => {
        const made = decideCreatePairingCode(now, input.kind, code);
        return { changes: made.changes, result: { expiresAt: made.result.expiresAt } };
      });
      return ack.ok ? { ok: true, data: { code, expiresAt: ack.data.expiresAt } } : ack;
    },
    // Not a change: the manager reads the security events kept in memory (the binder has checked the role).
    'security:list': async () => ({ ok: true, data: { events: core.securityLog.list() } }),
    ...aftercareStaffHandlers(core, actor, sender),
    ...settingsStaffHandlers(core, actor, sender),
    ...catalogueStaffHandlers(core, actor, sender),
    ...clientImportStaffHandlers(core, actor, sender),
    ...clientRecordStaffHandlers(core, actor, sender),
    ...deskBookingStaffHandlers(core, actor, sender),
    ...outboxStaffHandlers(core, actor, sender),
    ...followUpStaffHandlers(core, actor, sender),
    ...followUpSettingsStaffHandlers(core, actor, sender),
    // bookings: the front desk has made the day-before call
    'booking:reminderDone': (input, lang) =>
      run('booking:reminderDone', input, lang, (s, now, who) => decideReminderDone(s, now, who, input.bookingId)),
  };
}
