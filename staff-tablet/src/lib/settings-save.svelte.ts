import type { Ack } from '@glow/shared';
import { tick } from 'svelte';
import { locale } from './i18n.svelte.ts';
import { refusalErrors, type FieldErrors } from './settings-form.ts';

/**
 * One settings form's save: the draft is checked on the tablet first (nothing is sent while a field is wrong), then
 * sent once through the outbox (its commandId survives retries and reloads, so the hub acts once). Field problems
 * from either check are kept by field for the form to show beside each one; `problem` says nothing was saved.
 */
export class SettingsSave {
  busy = $state(false);
  errors = $state<FieldErrors>({});
  problem = $state<string | null>(null);
  saved = $state<string | null>(null);

  async run<T>(check: () => FieldErrors, send: () => Promise<Ack<T>>, done: (data: T) => string): Promise<boolean> {
    if (this.busy) return false;
    this.saved = null;
    this.problem = null;
    const found = check();
    this.errors = found;
    if (Object.keys(found).length) {
      this.problem = locale.t('staff.settings.fixErrors');
      void focusFirstInvalid();
      return false;
    }
    this.busy = true;
    try {
      const ack = await send();
      if (ack.ok) {
        this.saved = done(ack.data);
        return true;
      }
      this.errors = refusalErrors(ack.error);
      this.problem = Object.keys(this.errors).length ? locale.t('staff.settings.fixErrors') : ack.error.message;
      void focusFirstInvalid();
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** A new thing to edit (another service, consent…): its form starts clean. */
  reset(): void {
    this.errors = {};
    this.problem = null;
    this.saved = null;
  }
}

/** Takes the manager to the first field marked wrong (it may be scrolled out of sight above the Save button). */
async function focusFirstInvalid(): Promise<void> {
  await tick();
  if (typeof document === 'undefined') return;
  const field = document.querySelector<HTMLElement>(
    '[data-testid="settings-screen"] [aria-invalid="true"], [data-testid="catalogue-screen"] [aria-invalid="true"]',
  );
  field?.focus();
  field?.scrollIntoView({ block: 'center' });
}
