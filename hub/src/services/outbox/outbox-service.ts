import type { MessageState, OutboxListResult } from '@glow/shared';
import type { Logger } from '../../logger.ts';
import { sealSecret } from '../../security/sealed-secret.ts';
import type { HubState } from '../../store/hub-state.ts';
import type { OutboxFolderPort } from '../../store/outbox-folder.ts';
import type { HubEngine } from '../hub-engine.ts';
import { OutboxDelivery } from './delivery-loop.ts';
import { outboxList } from './outbox-list.ts';
import type { SendResult } from './sender.ts';
import { DEFAULT_SENDER_TIMEOUTS, SMTP_PASSWORD_LABEL, SenderSet, type SenderTimeouts } from './sender-set.ts';
import { testSend } from './test-send.ts';

/**
 * The outbox's running parts (#16), built once by createHub: the senders of the moment, the delivery loop, and what
 * the transports ask of it. Like `reads`, it keeps the hub's key and the state on this side: a handler gets a sealed
 * password, a list, a test's outcome.
 */
export type OutboxService = {
  delivery: OutboxDelivery;
  /** The SMTP password sealed under the hub's key, for the settings command to journal. */
  sealPassword(password: string): string;
  list(filter: MessageState | null, limit: number): OutboxListResult;
  testSend(channel: 'email' | 'webhook', to: string, language: 'en' | 'zh-CN'): Promise<SendResult>;
};

export function createOutbox(deps: {
  engine: HubEngine;
  folder: OutboxFolderPort;
  clock: () => number;
  newId: () => string;
  logger: Logger;
  intervalMs?: number;
  timeouts?: SenderTimeouts;
}): OutboxService {
  const state = (): Readonly<HubState> => deps.engine.state;
  const senders = new SenderSet(deps.folder, deps.timeouts ?? DEFAULT_SENDER_TIMEOUTS);
  const delivery = new OutboxDelivery({
    engine: deps.engine,
    senders,
    clock: deps.clock,
    logger: deps.logger,
    ...(deps.intervalMs ? { intervalMs: deps.intervalMs } : {}),
  });
  return {
    delivery,
    sealPassword: (password) => sealSecret(state().meta.sessionKey, SMTP_PASSWORD_LABEL, password),
    list: (filter, limit) => outboxList(state(), filter, limit),
    testSend: (channel, to, language) => testSend(state(), senders, channel, to, language, deps.newId()),
  };
}
