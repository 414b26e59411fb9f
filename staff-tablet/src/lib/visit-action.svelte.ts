import type { Ack, VisitCard, VisitState } from '@glow/shared';
import { errorText } from './errors.ts';

/**
 * One button's command on a visit. The button stays disabled while the command is in flight and then until the
 * hub's patch shows the visit in a new state, so a second tap never sends the command twice.
 */
export class VisitAction {
  busy = $state(false);
  error = $state<string | null>(null);
  private acked = $state<{ visitId: string; from: VisitState } | null>(null);

  blocked(visit: VisitCard): boolean {
    return this.busy || (this.acked?.visitId === visit.id && this.acked.from === visit.state);
  }

  async run<T>(visit: VisitCard, send: () => Promise<Ack<T>>): Promise<Ack<T> | null> {
    if (this.blocked(visit)) return null;
    this.busy = true;
    this.error = null;
    try {
      const ack = await send();
      if (ack.ok) this.acked = { visitId: visit.id, from: visit.state };
      else this.error = errorText(ack.error);
      return ack;
    } finally {
      this.busy = false;
    }
  }
}
