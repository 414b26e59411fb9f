import type { Language } from '@glow/shared';

/**
 * The desk's edit form as typed (a birthday or e-mail left empty means "none"); `referredBy` is the id of the client
 * picked as the referrer (null: nobody), shown by `referrerName`, which is never sent.
 */
export type EditForm = {
  firstName: string;
  lastName: string;
  phone: string;
  birthday: string;
  notes: string;
  language: Language;
  email: string;
  referredBy: string | null;
  referrerName: string;
};

type Sent = Partial<Omit<EditForm, 'birthday' | 'email' | 'referrerName'> & { birthday: string | null; email: string | null }>;

/**
 * The fields the desk really changed, in the shape `clients:edit` takes: nothing else is sent, so a correction of the
 * birthday never rewrites the phone the hub keeps canonical. An emptied birthday or e-mail is sent as null (removed).
 */
export function changedFields(before: EditForm, after: EditForm): Sent {
  const out: Sent = {};
  if (after.firstName.trim() !== before.firstName) out.firstName = after.firstName.trim();
  if (after.lastName.trim() !== before.lastName) out.lastName = after.lastName.trim();
  if (after.phone.trim() !== before.phone) out.phone = after.phone.trim();
  if (after.birthday.trim() !== before.birthday) out.birthday = after.birthday.trim() === '' ? null : after.birthday.trim();
  if (after.notes !== before.notes) out.notes = after.notes;
  if (after.language !== before.language) out.language = after.language;
  if (after.email.trim() !== before.email) out.email = after.email.trim() === '' ? null : after.email.trim();
  if (after.referredBy !== before.referredBy) out.referredBy = after.referredBy;
  return out;
}
