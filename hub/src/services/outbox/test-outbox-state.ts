import type { Client, OutboxSettings } from '@glow/shared';
import { DEFAULT_OUTBOX_SETTINGS } from '@glow/shared';
import { emptyState, type HubState, type Meta } from '../../store/hub-state.ts';

/** A small state for the outbox's unit tests: a salon in Shanghai with the clients given. */
export function outboxTestState(clients: Client[], settings: Partial<OutboxSettings> = {}): HubState {
  const meta = {
    salon: { setUp: true },
    floor: { autoAssign: true, preferredWaitLimitMin: 20, timeZone: 'Asia/Shanghai' },
    outbox: { ...DEFAULT_OUTBOX_SETTINGS, ...settings },
    sessionKey: 'k'.repeat(43),
  } as unknown as Meta;
  const state = emptyState(meta);
  for (const client of clients) state.clients[client.id] = client;
  return state;
}

export function testClient(id: string, overrides: Partial<Client> = {}): Client {
  return { id, firstName: 'Mei', lastName: 'Wang', phone: '+8613800138000', language: 'zh-CN', createdAt: 0, referredBy: null, ...overrides };
}
