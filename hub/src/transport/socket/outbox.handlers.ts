import { EmailSchema, OUTBOX_STAFF_COMMANDS, PhoneSchema } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import { invalidInput, refuse, toAppError } from '../../services/app-error.ts';
import { decideCancel, decideOutboxSettings, decideResend } from '../../services/outbox/manager-decisions.ts';
import type { Actor } from '../../services/visit-access.ts';
import { webhookReachesHub } from '../../security/webhook-target.ts';
import type { CommandHandlers } from './bind-commands.ts';
import { runAs } from './run-as.ts';

/**
 * The outbox (#16; the binder has checked the role — the manager; a client's e-mail is `clients:edit` — and the input).
 * The SMTP password is sealed before the decision runs, so the journal and the command record hold only the sealed
 * form; no answer carries it.
 */
export function outboxStaffHandlers(core: HubCore, actor: () => Actor, sender: string): CommandHandlers<typeof OUTBOX_STAFF_COMMANDS> {
  const run = runAs(core, actor, sender);
  return {
    'outbox:settings': (input, lang) => {
      const { commandId: _id, password, ...settings } = input;
      if (settings.webhookUrl && webhookReachesHub(settings.webhookUrl, core.listenPorts(), core.deps.hostNames ?? [])) {
        // The hub's own ports are known only here, once listening (the schema refused link-local and metadata).
        return Promise.resolve({ ok: false as const, error: invalidInput([{ code: 'custom', message: 'url_hub_itself', path: ['webhookUrl'], input: settings.webhookUrl }], lang) });
      }
      const sealed = password === undefined ? undefined : password === '' ? null : core.outbox.sealPassword(password);
      return run('outbox:settings', input, lang, (s) => decideOutboxSettings(s, settings, sealed));
    },
    'outbox:testSend': async (input, lang) => {
      const check = input.channel === 'email' ? EmailSchema.safeParse(input.to) : PhoneSchema.safeParse(input.to);
      if (!check.success) return { ok: false, error: invalidInput(check.error.issues.map((i) => ({ ...i, path: ['address', ...i.path] })), lang) };
      const result = await core.outbox.testSend(input.channel, check.data, lang);
      if (result.ok) return { ok: true, data: { detail: result.detail } };
      return { ok: false, error: toAppError(refuse('unavailable', `delivery_${result.code}`, { detail: result.detail }), lang) };
    },
    'outbox:list': async (input) => ({ ok: true, data: core.outbox.list(input.state, input.limit) }),
    'outbox:resend': (input, lang) => run('outbox:resend', input, lang, (s, now) => decideResend(s, now, input.messageId)),
    'outbox:cancel': (input, lang) => run('outbox:cancel', input, lang, (s, now) => decideCancel(s, now, input.messageId)),
  };
}
