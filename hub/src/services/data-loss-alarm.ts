import type { DataLossAlert } from '@glow/shared';
import type { Logger } from '../logger.ts';

/**
 * A tablet reconnecting with a revision the hub has never reached proves the hub lost acknowledged changes (its data
 * was restored from an older copy, or it started with the loss accepted). The store can only check what is on its own
 * disk; the tablets are the last witnesses. This says it loudly: one structured error line per newly seen highest
 * revision, and an alert kept until the hub restarts for every manager's tablet (staff.namespace.ts sends it).
 */
export class DataLossAlarm {
  private latest: DataLossAlert | null = null;

  constructor(
    private readonly logger: Pick<Logger, 'error'>,
    private readonly clock: () => number,
  ) {}

  get alert(): DataLossAlert | null {
    return this.latest;
  }

  /**
   * Checks a reconnecting tablet's revision; returns the alert when it shows a loss not reported yet (a tablet that
   * reconnects again with the same revision, or a lower one, is not news).
   */
  check(deviceId: string, deviceRevision: number | undefined, hubRevision: number): DataLossAlert | null {
    if (deviceRevision === undefined || deviceRevision <= hubRevision) return null;
    if (this.latest && deviceRevision <= this.latest.deviceRevision) return null;
    this.latest = { detectedAt: this.clock(), deviceRevision, hubRevision };
    this.logger.error(
      { event: 'data_loss_detected', deviceId, deviceRevision, hubRevision, lost: deviceRevision - hubRevision },
      'A tablet holds a newer revision than this hub ever reached: acknowledged changes were lost (restored or damaged data)',
    );
    return this.latest;
  }
}
