import { isMessageKey, type Ack, type AppError, type FieldIssue, type Language, type Translate } from '@glow/shared';
import {
  DETAIL_FIELDS,
  formField,
  loadValidation,
  localizeIssue,
  messagesByField,
  type DetailField,
  type Details,
} from './client-details.ts';
import type { CheckInInput, CheckInResult } from './hub-connection.svelte.ts';
import type { ValidateDetails } from './validation.ts';

export type Step = 'welcome' | 'booking' | 'details' | 'service' | 'confirm' | 'ticket';

/** The numbered steps of a walk-in, for the "Step n of 3" label. */
export const NUMBERED_STEPS: readonly Step[] = ['details', 'service', 'confirm'];

export type CheckInSender = (input: CheckInInput) => Promise<Ack<CheckInResult>>;

const emptyDetails = (): Details => ({ firstName: '', lastName: '', phone: '' });
const noneShown = (): Record<DetailField, boolean> => ({ firstName: false, lastName: false, phone: false });

/**
 * One client's walk-in check-in, from the welcome screen to the ticket. Everything it holds about the client lives
 * here and in the components it feeds; `reset()` forgets all of it.
 */
export class CheckInFlow {
  step = $state<Step>('welcome');
  details = $state<Details>(emptyDetails());
  serviceId = $state<string | null>(null);
  /** Fields whose problems are shown: left once with something typed, or every field after "Next". */
  shown = $state<Record<DetailField, boolean>>(noneShown());
  /** Field issues from an `invalid_input` answer; a field's issue goes when the client edits that field. */
  serverIssues = $state.raw<FieldIssue[]>([]);
  /** A refused check-in, with the language the hub wrote it in. */
  failure = $state.raw<{ error: AppError; language: Language } | null>(null);
  submitting = $state(false);
  result = $state.raw<CheckInResult | null>(null);
  /** Bumped by every reset: screens are keyed on it, and a late answer for an earlier client is dropped. */
  session = $state(0);
  /** The form's validator once loaded (see `prepare`). */
  private validate = $state.raw<ValidateDetails | null>(null);

  constructor(
    private readonly send: CheckInSender,
    private readonly language: () => Language,
    private readonly t: () => Translate,
  ) {}

  /** Problems per field in the language on screen. */
  readonly fieldErrors: Map<string, string> = $derived.by(() => {
    const t = this.t();
    const server = messagesByField(this.serverIssues, (issue) => localizeIssue(issue, t));
    const check = this.validate?.(this.details, t);
    const local = !check || check.ok ? new Map<string, string>() : messagesByField(check.issues, (i) => i.message);
    const errors = new Map<string, string>();
    for (const field of DETAIL_FIELDS) {
      const message = server.get(field) ?? (this.shown[field] ? local.get(field) : undefined);
      if (message) errors.set(field, message);
    }
    const service = server.get('serviceId');
    if (service) errors.set('serviceId', service);
    return errors;
  });

  /** The refusal in the language on screen: the hub's own words if the language has not changed since. */
  readonly failureMessage: string | null = $derived.by(() => {
    if (!this.failure) return null;
    const { error, language } = this.failure;
    if (language === this.language()) return error.message;
    const key = `error.${error.code}`;
    return isMessageKey(key) ? this.t()(key) : error.message;
  });

  go(step: Step): void {
    if (step === 'details') void this.prepare();
    this.step = step;
  }

  /**
   * Loads the form's validator (zod and the shared schema: not part of the first load). Called ahead of need; if it
   * cannot be loaded, the form goes on without it and the hub's own validation answers instead.
   */
  async prepare(): Promise<ValidateDetails | null> {
    if (this.validate) return this.validate;
    try {
      this.validate = await loadValidation();
    } catch {
      return null;
    }
    return this.validate;
  }

  setField(field: DetailField, value: string): void {
    this.details[field] = value;
    if (this.serverIssues.some((i) => formField(i) === field)) {
      this.serverIssues = this.serverIssues.filter((i) => formField(i) !== field);
    }
  }

  /** The client left a field: from now on its problems are shown (not while they are still typing a first time). */
  leaveField(field: DetailField): void {
    if (this.details[field].trim() !== '') this.shown[field] = true;
  }

  /** "Next" on the details screen: shows every problem, or moves on. Resolves with the first field to fix, if any. */
  async submitDetails(): Promise<DetailField | null> {
    const session = this.session;
    await this.prepare();
    if (session !== this.session || this.step !== 'details') return null;
    this.shown = { firstName: true, lastName: true, phone: true };
    const firstBad = DETAIL_FIELDS.find((f) => this.fieldErrors.has(f)) ?? null;
    if (!firstBad) {
      this.failure = null;
      this.step = 'service';
    }
    return firstBad;
  }

  chooseService(serviceId: string): void {
    this.serviceId = serviceId;
    this.failure = null;
    if (this.serverIssues.some((i) => formField(i) === 'serviceId')) {
      this.serverIssues = this.serverIssues.filter((i) => formField(i) !== 'serviceId');
    }
    this.step = 'confirm';
  }

  /** "Check me in": one command per tap, however often the button is hit; answers for an earlier client are dropped. */
  async submit(): Promise<void> {
    if (this.submitting) return;
    this.submitting = true;
    const session = this.session;
    const validate = await this.prepare();
    if (session !== this.session) return;
    const check = validate?.(this.details, this.t());
    if (check && !check.ok) {
      this.submitting = false;
      this.shown = { firstName: true, lastName: true, phone: true };
      this.step = 'details';
      return;
    }
    const serviceId = this.serviceId;
    if (!serviceId) {
      this.submitting = false;
      this.step = 'service';
      return;
    }
    const language = this.language();
    this.failure = null;
    this.serverIssues = [];
    const client = check?.client ?? { ...this.details };
    const ack = await this.send({ client, serviceId, language });
    if (session !== this.session) return;
    this.submitting = false;
    if (ack.ok) {
      this.result = ack.data;
      this.step = 'ticket';
      return;
    }
    this.failure = { error: ack.error, language };
    const issues = ack.error.issues ?? [];
    if (ack.error.code === 'invalid_input' && issues.length) {
      this.serverIssues = issues;
      const fields = issues.map(formField);
      if (fields.some((f) => (DETAIL_FIELDS as readonly string[]).includes(f))) this.step = 'details';
      else if (fields.includes('serviceId')) this.step = 'service';
    }
  }

  /** Back to the welcome screen, forgetting everything about this client. */
  reset(): void {
    this.session += 1;
    this.step = 'welcome';
    this.details = emptyDetails();
    this.serviceId = null;
    this.shown = noneShown();
    this.serverIssues = [];
    this.failure = null;
    this.submitting = false;
    this.result = null;
  }
}
