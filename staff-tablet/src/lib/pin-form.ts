import { PinChangeInputSchema, PinSetInputSchema, type StaffSession, type Translate } from '@glow/shared';
import { draftErrors, type FieldErrors } from './settings-form.ts';

/**
 * The PIN form (#13): a staff member changes their own (current PIN, new one twice: `auth:changePin`); the manager
 * may instead set or reset anyone else's (new one twice: `staff:setPin`). Checked with the hub's own schemas first.
 * PINs are sent once, straight away (never through the outbox, which keeps commands on the tablet's storage).
 */
export type PinForm = { staffId: string; oldPin: string; pin: string; pinAgain: string };

/** Whether the form changes the signed-in person's own PIN (the current one is then required). */
export const isOwnPin = (form: PinForm, session: StaffSession): boolean => form.staffId === session.staffId;

export function pinErrors(form: PinForm, session: StaffSession, t: Translate): FieldErrors {
  return isOwnPin(form, session)
    ? draftErrors(PinChangeInputSchema, { oldPin: form.oldPin, pin: form.pin, pinAgain: form.pinAgain }, t)
    : draftErrors(PinSetInputSchema, { staffId: form.staffId, pin: form.pin, pinAgain: form.pinAgain }, t);
}

/** Digits only, at most eight: what a PIN field keeps of what is typed. */
export const pinDigits = (typed: string): string => typed.replace(/\D/g, '').slice(0, 8);
