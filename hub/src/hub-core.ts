import type { HubDeps } from './deps.ts';
import type { ActiveVisits } from './services/active-visits.ts';
import type { AuthService } from './services/auth.service.ts';
import type { ClientIndex } from './services/client-index.ts';
import type { ClientRecords } from './services/client-record/client-records.ts';
import type { ClientImportStaging } from './services/client-import/import-staging.ts';
import type { DerivedFigures } from './services/derived-figures.ts';
import type { HubEngine } from './services/hub-engine.ts';
import type { HubReads } from './services/reads.ts';
import type { CheckInContextOf } from './services/check-in-context.ts';
import type { PhotoStore } from './services/photo-store.ts';
import type { LiveViews } from './services/live-views.ts';
import type { OutboxService } from './services/outbox/outbox-service.ts';
import type { SecurityLog } from './services/security-log.ts';

/**
 * The services the transports share, built once by createHub in dependency order. A transport changes the salon only
 * through `engine.execute` (the one command path), reads it through `reads`, and sends views cut by `views`.
 */
export type HubCore = {
  deps: HubDeps;
  engine: HubEngine;
  /** What transports read of the records (services/reads.ts): they never read `engine.state` themselves. */
  reads: HubReads;
  /** Snapshots and patches of every audience (services/live-views.ts), and the revision they are at. */
  views: LiveViews;
  /** Waits and overruns of the moment, kept up to date incrementally: what the views and the decisions read. */
  figures: DerivedFigures;
  auth: AuthService;
  clients: ClientIndex;
  /** The client's record and search (#16): reads off the command path, who may see whom decided there. */
  records: ClientRecords;
  /** Client files being imported, checked chunk by chunk, kept per tablet until imported (#13). */
  imports: ClientImportStaging;
  /** What a check-in decision reads besides the state, for the kiosk's channel and the front desk's alike. */
  checkInContext: CheckInContextOf;
  /** Clients' photos on disk (complaint reports): written before the report, removed with it, swept at start-up. */
  photos: PhotoStore;
  /** The visits on the floor now: what decisions and views read instead of every visit ever made. */
  active: ActiveVisits;
  /** Failed PINs, lock-outs, pairing failures, revocations, refused origins…: logged, and listed for the manager. */
  securityLog: SecurityLog;
  /** Messages leaving the salon (#16): the delivery loop, the manager's list and test send, the password sealing. */
  outbox: OutboxService;
  /** `http(s)://<network address>:<port>` once listening, for links a phone opens; null without one (phone-origin.ts). */
  phoneOrigin: () => string | null;
  /** The ports the hub listens on (HTTP(S) and its redirect), once listening: a webhook may not point at them (#16). */
  listenPorts: () => number[];
  /** The salon's local date (YYYY-MM-DD) at a moment, in the salon's time zone: tickets restart every day. */
  today: (now: number) => string;
};
