import {
  describeIssues,
  ErrorBodySchema,
  isKnownTimeZone,
  SetupCodeCheckSchema,
  SetupInputSchema,
  SetupResultSchema,
  SetupStatusSchema,
  type Language,
  type SalonLocale,
  type SetupResult,
  type Translate,
} from '@glow/shared';
import { errorText } from './errors.ts';
import type { FieldErrors } from './settings-form.ts';

/**
 * The first-start set-up (#13) as the tablet runs it: the draft the owner fills in step by step (kept on this tablet so
 * that closing it mid-way comes back to the same step; never the code or the PIN), each step checked with the very
 * schema the hub checks the whole with, and the three requests of /api/setup.
 */

export type OpeningDay = { open: boolean; start: string; end: string };
export type SetupDraft = {
  step: number;
  name: string;
  languages: Language[];
  defaultLanguage: Language;
  locale: SalonLocale;
  timeZone: string;
  currency: string;
  hours: OpeningDay[];
  closedDates: string[];
  ownerName: string;
  deviceName: string;
};

/** The salon's own settings as the set-up's steps and the manager's settings screen edit them. */
export type ProfileDraft = Pick<SetupDraft, 'name' | 'languages' | 'defaultLanguage' | 'locale' | 'timeZone' | 'currency' | 'closedDates'>;
/** What those shared step forms read: the draft and its problems by field (`salon.<field>`, as the set-up names them). */
export type ProfileForm = { readonly draft: ProfileDraft; readonly errors: FieldErrors };

export const SETUP_STEPS = ['code', 'salon', 'languages', 'region', 'hours', 'owner', 'review'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

const DRAFT_KEY = 'glow.staff.setupDraft';

/** A new draft: the tablet's own time zone and language as a start, the usual hours, nothing typed yet. */
export function newDraft(language: Language, deviceName: string): SetupDraft {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    step: 0,
    name: '',
    languages: ['en', 'zh-CN'],
    defaultLanguage: language,
    locale: 'en-GB',
    timeZone: isKnownTimeZone(zone) ? zone : 'UTC',
    currency: 'CNY',
    hours: Array.from({ length: 7 }, (_, day) => ({ open: day !== 0, start: '10:00', end: '20:00' })),
    closedDates: [],
    ownerName: '',
    deviceName,
  };
}

const storage = (): Storage | undefined => (typeof localStorage === 'undefined' ? undefined : localStorage);

export function loadDraft(): SetupDraft | null {
  try {
    const raw = storage()?.getItem(DRAFT_KEY);
    const v = raw ? (JSON.parse(raw) as Partial<SetupDraft>) : null;
    if (!v || typeof v.step !== 'number' || !Array.isArray(v.hours) || v.hours.length !== 7) return null;
    return v as SetupDraft;
  } catch {
    return null;
  }
}
export function saveDraft(draft: SetupDraft | null): void {
  try {
    if (draft) storage()?.setItem(DRAFT_KEY, JSON.stringify(draft));
    else storage()?.removeItem(DRAFT_KEY);
  } catch {
    // Private mode: the wizard still works, it just starts over after a reload.
  }
}

const openingHours = (draft: SetupDraft) => draft.hours.map((d) => (d.open ? { start: d.start, end: d.end } : null));

/**
 * The problems of one step, by field (the hub's dotted names), in the owner's language: empty when the step may be
 * left. The whole set-up is checked with the hub's own schema and the step keeps the problems of its fields, so each
 * message names its field and rule exactly as the hub would. The PINs are checked only on the owner's step (they live
 * in the form, never in the draft); the code is checked by the hub.
 */
export function stepErrors(step: SetupStep, draft: SetupDraft, t: Translate, pins?: { pin: string; pinAgain: string }): FieldErrors {
  if (step === 'code') return {};
  const placeholderPins = { pin: '0000', pinAgain: '0000' };
  const parsed = SetupInputSchema.safeParse(setupInput(draft, '0000000000', step === 'owner' && pins ? pins : placeholderPins));
  if (parsed.success) return {};
  const out: FieldErrors = {};
  for (const issue of describeIssues(parsed.error.issues, t)) {
    if (stepOfField(issue.field) === step) out[issue.field] ??= issue.message;
  }
  return out;
}

/** The step that shows a field (as the hub names it in a refusal). */
export function stepOfField(field: string): SetupStep {
  if (field === 'code') return 'code';
  if (field === 'salon.name') return 'salon';
  if (/^salon\.(languages|defaultLanguage|locale)\b/.test(field)) return 'languages';
  if (/^salon\.(timeZone|currency)\b/.test(field)) return 'region';
  if (/^(openingHours|salon\.closedDates)\b/.test(field)) return 'hours';
  if (field.startsWith('owner')) return 'owner';
  return 'review';
}

/** The whole set-up as the hub takes it. */
export function setupInput(draft: SetupDraft, code: string, pins: { pin: string; pinAgain: string }) {
  return {
    code,
    salon: {
      name: draft.name,
      languages: draft.languages,
      defaultLanguage: draft.defaultLanguage,
      locale: draft.locale,
      currency: draft.currency,
      timeZone: draft.timeZone,
      closedDates: [...draft.closedDates].sort(),
    },
    openingHours: openingHours(draft),
    owner: { name: draft.ownerName, pin: pins.pin, pinAgain: pins.pinAgain },
    deviceName: draft.deviceName,
  };
}

const headers = (language: Language) => ({ 'content-type': 'application/json', accept: 'application/json', 'accept-language': language });

/** Whether this hub waits for its set-up; false when it cannot tell (the pairing screen is then the safe choice). */
export async function setupNeeded(): Promise<boolean> {
  try {
    const res = await fetch('/api/setup', { cache: 'no-store', headers: { accept: 'application/json' } });
    const parsed = SetupStatusSchema.safeParse(await res.json());
    return parsed.success && parsed.data.needed;
  } catch {
    return false;
  }
}

export type SetupAnswer<T> = { ok: true; data: T } | { ok: false; message: string; errors: FieldErrors; reason?: string };

async function post<T>(path: string, body: unknown, language: Language, t: Translate, read: (body: unknown) => T | null): Promise<SetupAnswer<T>> {
  let res: Response;
  try {
    res = await fetch(path, { method: 'POST', headers: headers(language), body: JSON.stringify(body), cache: 'no-store' });
  } catch {
    return { ok: false, message: t('staff.setup.network'), errors: {} };
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const data = read(json);
    return data ? { ok: true, data } : { ok: false, message: t('error.internal'), errors: {} };
  }
  const failed = ErrorBodySchema.safeParse(json);
  if (!failed.success) return { ok: false, message: t(res.status >= 500 ? 'error.unavailable' : 'staff.setup.network'), errors: {} };
  const errors: FieldErrors = {};
  for (const i of failed.data.error.issues ?? []) errors[i.field] ??= i.message;
  return { ok: false, message: failed.data.error.issues?.length ? failed.data.error.message : errorText(failed.data.error), errors, ...(failed.data.error.reason ? { reason: failed.data.error.reason } : {}) };
}

/** Is this the code? Checked on the tablet's side first (format), then by the hub (which counts wrong ones). */
export function checkCode(code: string, language: Language, t: Translate): Promise<SetupAnswer<true>> {
  const checked = SetupCodeCheckSchema.safeParse({ code });
  if (!checked.success) {
    const message = describeIssues(checked.error.issues, t)[0]?.message ?? t('rule.setup_code_format');
    return Promise.resolve({ ok: false, message, errors: { code: message } });
  }
  return post('/api/setup/code', { code }, language, t, () => true as const);
}

/** Saves everything, or nothing: the tablet is then the owner's, signed in. */
export function finishSetup(input: unknown, language: Language, t: Translate): Promise<SetupAnswer<SetupResult>> {
  return post('/api/setup', input, language, t, (body) => {
    const parsed = SetupResultSchema.safeParse(body);
    return parsed.success ? parsed.data : null;
  });
}
