import type { HubDeps } from './deps.ts';
import type { AuthService } from './services/auth.service.ts';
import type { ClientIndex } from './services/client-index.ts';
import type { HubEngine } from './services/hub-engine.ts';
import type { Publisher } from './transport/socket/publisher.ts';

/** Salon settings the hub applies (later issues make them editable by the manager). */
export type HubSettings = {
  /** Days an aftercare link stays valid. */
  aftercareLinkDays: number;
};

/** What the transports share: built once by createHub. */
export type HubCore = {
  deps: HubDeps;
  engine: HubEngine;
  publisher: Publisher;
  auth: AuthService;
  clients: ClientIndex;
  settings: HubSettings;
  /** The salon's local date (YYYY-MM-DD) at a moment: tickets restart every day. */
  today: (now: number) => string;
};
