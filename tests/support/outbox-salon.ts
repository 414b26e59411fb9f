import type { Client, EnqueueMessage } from '@glow/shared';
import { decideEnqueueMessage } from '../../hub/src/services/outbox/enqueue-message.ts';
import { demoSalon } from '../../hub/src/seed/salon-seed.ts';
import type { HubState } from '../../hub/src/store/hub-state.ts';
import type { TestHub } from './hub-harness.ts';

/** The outbox tests' salon: the demo salon in Shanghai with three clients (one opted out of marketing, one without e-mail). */
export const OUTBOX_ZONE = 'Asia/Shanghai';

export const OUTBOX_CLIENTS: Client[] = [
  {
    id: 'wang-meili',
    firstName: '美丽',
    lastName: '王',
    phone: '+8613800138001',
    language: 'zh-CN',
    createdAt: 0,
    referredBy: null,
    email: 'meili@example.cn',
    consents: [{ kind: 'marketing', version: 1, granted: true, at: 1 }],
  },
  {
    id: 'ann-lee',
    firstName: 'Ann',
    lastName: 'Lee',
    phone: '+447700900123',
    language: 'en',
    createdAt: 0,
    referredBy: null,
    email: 'ann@example.com',
    consents: [
      { kind: 'marketing', version: 1, granted: true, at: 1 },
      { kind: 'marketing', version: 1, granted: false, at: 2 },
    ],
  },
  { id: 'no-mail', firstName: '小红', lastName: '李', phone: '+8613800138002', language: 'zh-CN', createdAt: 0, referredBy: null },
];

export async function outboxSalon(): Promise<HubState> {
  const state = await demoSalon('en', OUTBOX_ZONE);
  for (const client of OUTBOX_CLIENTS) state.clients[client.id] = client;
  return state;
}

/** Queues a message as the follow-up rules do (decideEnqueueMessage through the hub's one command path). */
export async function enqueue(t: TestHub, m: Partial<EnqueueMessage> & { dedupeKey: string }): Promise<string[]> {
  const message: EnqueueMessage = {
    clientId: 'wang-meili',
    purpose: 'service',
    kind: 'booking_eve',
    language: 'zh-CN',
    subject: '明天的预约提醒',
    body: '王美丽您好：提醒您明天上午 10:00 的经典面部护理。期待您的光临！',
    notBefore: 0,
    ...m,
  };
  const reasons: string[] = [];
  const ack = await t.hub.core.engine.execute({ command: 'test:enqueue', commandId: null, language: 'en' }, (s, now) => ({
    changes: decideEnqueueMessage(s, now, message, (why) => reasons.push(why.reason)),
    result: {},
  }));
  if (!ack.ok) throw new Error(ack.error.message);
  return reasons;
}
