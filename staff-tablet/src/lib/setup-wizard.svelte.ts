import type { SetupResult } from '@glow/shared';
import { locale } from './i18n.svelte.ts';
import type { FieldErrors } from './settings-form.ts';
import { checkCode, finishSetup, loadDraft, newDraft, saveDraft, SETUP_STEPS, setupInput, stepErrors, stepOfField, type SetupDraft, type SetupStep } from './setup.ts';

/**
 * The set-up wizard's state (#13): which step is open, the draft (kept on this tablet as it is typed, so a closed
 * tablet comes back to the same step), and the two secrets that never leave memory: the set-up code and the PIN.
 * Nothing reaches the hub before "Finish set-up", which sends it all in one request.
 */
export class SetupWizard {
  draft = $state<SetupDraft>(newDraft(locale.language, locale.t('staff.setup.review.defaultDevice')));
  /** The open step (0: the code). A resumed draft opens at the code, then at the step it was left on. */
  index = $state(0);
  code = $state('');
  pin = $state('');
  pinAgain = $state('');
  errors = $state<FieldErrors>({});
  message = $state<string | null>(null);
  busy = $state(false);
  /** A draft from an earlier visit was found: say so on the code step. */
  readonly resumed: boolean;

  constructor() {
    const saved = loadDraft();
    this.resumed = saved !== null && saved.step > 0;
    if (saved) this.draft = saved;
  }

  get step(): SetupStep {
    return SETUP_STEPS[this.index]!;
  }

  /** The draft as it should be kept: the step the owner is on (never the code or the PIN, which are not in it). */
  persist(): void {
    saveDraft($state.snapshot(this.draft) as SetupDraft);
  }

  private show(errors: FieldErrors, message: string | null = null): boolean {
    this.errors = errors;
    this.message = message ?? (Object.keys(errors).length ? locale.t('staff.setup.fix') : null);
    return Object.keys(errors).length === 0 && message === null;
  }

  async next(): Promise<void> {
    if (this.busy) return;
    if (this.step === 'code') return this.submitCode();
    if (!this.show(stepErrors(this.step, this.draft, locale.t, { pin: this.pin, pinAgain: this.pinAgain }))) return;
    this.goTo(this.index + 1);
  }

  /** The owner changed an answer: its old problems no longer stand. */
  clearErrors(): void {
    if (Object.keys(this.errors).length || this.message) this.show({});
  }

  /** The language changed: the problems on screen are said again in it (the hub's own answers stay as they came). */
  relocalize(): void {
    if (!Object.keys(this.errors).length || this.step === 'code') return;
    const errors = stepErrors(this.step, this.draft, locale.t, { pin: this.pin, pinAgain: this.pinAgain });
    if (Object.keys(errors).length) this.show(errors);
  }

  back(): void {
    if (this.index > 1) this.goTo(this.index - 1);
  }

  goTo(index: number): void {
    this.index = Math.max(0, Math.min(SETUP_STEPS.length - 1, index));
    this.show({});
    if (this.index > 0) {
      this.draft.step = this.index;
      this.persist();
    }
  }

  private async submitCode(): Promise<void> {
    this.busy = true;
    try {
      const answer = await checkCode(this.code, locale.language, locale.t);
      if (!answer.ok) {
        const onField = answer.errors['code'] ?? (answer.reason === 'bad_setup_code' ? answer.message : undefined);
        this.show(onField ? { code: onField } : {}, onField ? null : answer.message);
        return;
      }
      this.goTo(Math.max(1, this.draft.step));
    } finally {
      this.busy = false;
    }
  }

  /** Sends everything; the hub's refusals go back to the step of the field they name. Resolves with the pairing. */
  async finish(): Promise<SetupResult | null> {
    if (this.busy) return null;
    for (const [i, step] of SETUP_STEPS.entries()) {
      const errors = stepErrors(step, this.draft, locale.t, { pin: this.pin, pinAgain: this.pinAgain });
      if (Object.keys(errors).length) {
        this.goTo(i);
        this.show(errors);
        return null;
      }
    }
    this.busy = true;
    try {
      const answer = await finishSetup(setupInput(this.draft, this.code, { pin: this.pin, pinAgain: this.pinAgain }), locale.language, locale.t);
      if (answer.ok) {
        saveDraft(null);
        return answer.data;
      }
      const first = Object.keys(answer.errors)[0];
      if (first) this.goTo(SETUP_STEPS.indexOf(stepOfField(first)));
      else if (answer.reason === 'bad_setup_code') this.goTo(0);
      this.show(answer.errors, Object.keys(answer.errors).length ? null : answer.message);
      return null;
    } finally {
      this.busy = false;
    }
  }
}
