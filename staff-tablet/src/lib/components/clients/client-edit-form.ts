import type { Language } from '@glow/shared';

/** The desk's edit form as typed (a birthday left empty means "none"). */
export type EditForm = { firstName: string; lastName: string; phone: string; birthday: string; notes: string; language: Language };

/**
 * The fields the desk really changed, in the shape `clients:edit` takes: nothing else is sent, so a correction of the
 * birthday never rewrites the phone the hub keeps canonical. An emptied birthday is sent as null (removed).
 */
export function changedFields(before: EditForm, after: EditForm): Partial<Omit<EditForm, 'birthday'> & { birthday: string | null }> {
  const out: Partial<Omit<EditForm, 'birthday'> & { birthday: string | null }> = {};
  if (after.firstName.trim() !== before.firstName) out.firstName = after.firstName.trim();
  if (after.lastName.trim() !== before.lastName) out.lastName = after.lastName.trim();
  if (after.phone.trim() !== before.phone) out.phone = after.phone.trim();
  if (after.birthday.trim() !== before.birthday) out.birthday = after.birthday.trim() === '' ? null : after.birthday.trim();
  if (after.notes !== before.notes) out.notes = after.notes;
  if (after.language !== before.language) out.language = after.language;
  return out;
}
