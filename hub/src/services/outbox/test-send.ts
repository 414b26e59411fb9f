import type { HubState } from '../../store/hub-state.ts';
import { outboxSettingsOf } from './outbox-settings.ts';
import type { SendResult } from './sender.ts';
import type { SenderSet } from './sender-set.ts';

/** The words of the test message, in the manager's language. */
const TEST_TEXT = {
  en: { subject: 'Glow: test message', body: 'This is a test message from your salon’s Glow hub. If you can read it, messages will reach your clients.' },
  'zh-CN': { subject: 'Glow：测试消息', body: '这是您沙龙 Glow 中心发出的测试消息。能看到它，说明消息可以送达您的顾客。' },
} as const;

/**
 * The settings screen's test button: one message now, through the sender asked for, with the settings as saved. Not
 * queued and not journaled (it is about the settings, not a client): the answer says whether it left and, if not,
 * the sender's reason. Only async I/O: the command path is not held while the server answers.
 */
export async function testSend(
  state: Readonly<HubState>,
  senders: SenderSet,
  channel: 'email' | 'webhook',
  to: string,
  language: 'en' | 'zh-CN',
  id: string,
): Promise<SendResult> {
  const settings = outboxSettingsOf(state);
  const sender = senders.senderFor(channel, settings, state.meta.sessionKey);
  if (!sender) return { ok: false, code: 'not_configured', temporary: false, detail: channel };
  const text = TEST_TEXT[language];
  const sent = sender.send({ id, channel, to, clientName: '', subject: text.subject, body: text.body, language, purpose: 'service', kind: 'test' });
  // The tablet waits 5 s for an answer: a server slower than that is reported as not answering in time (the try
  // itself runs to its own timeouts; a test message that still arrives later does no harm).
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<SendResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, code: 'timeout', temporary: true, detail: `no answer in ${TEST_SEND_LIMIT_MS / 1000} s` }), TEST_SEND_LIMIT_MS);
  });
  try {
    return await Promise.race([sent, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** How long the test button waits for the server (under the tablet's 5 s for any answer). */
export const TEST_SEND_LIMIT_MS = 4_000;
