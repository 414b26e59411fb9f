import type { Ack } from '@glow/shared';
import { errorText } from './errors.ts';

/**
 * One control's command (not a visit's state change): busy while the hub has not answered, the hub's refusal kept
 * to show beside the control.
 */
export class Command {
  busy = $state(false);
  error = $state<string | null>(null);

  async run<T>(send: () => Promise<Ack<T>>): Promise<Ack<T> | null> {
    if (this.busy) return null;
    this.busy = true;
    this.error = null;
    try {
      const ack = await send();
      if (!ack.ok) this.error = errorText(ack.error);
      return ack;
    } finally {
      this.busy = false;
    }
  }

  clear(): void {
    this.error = null;
  }
}
