import { INCIDENT_KINDS, NOTE_KINDS, type IncidentKind, type MessageKey, type RatingTag } from '@glow/shared';

/** Words the tablet offers as one-tap choices, each a catalogue key so that both languages stay complete. */

export type NoteKind = (typeof NOTE_KINDS)[number];
export const NOTE_KIND_KEYS: Record<NoteKind, MessageKey> = {
  pressure: 'staff.note.kind.pressure',
  temperature: 'staff.note.kind.temperature',
  products: 'staff.note.kind.products',
  skin: 'staff.note.kind.skin',
  other: 'staff.note.kind.other',
};
export { NOTE_KINDS, INCIDENT_KINDS };

/** One-tap session notes per kind (products come from the plan). */
export const NOTE_PRESETS: Record<NoteKind, readonly MessageKey[]> = {
  pressure: ['staff.note.preset.softer', 'staff.note.preset.firmer', 'staff.note.preset.pressureOk'],
  temperature: ['staff.note.preset.warmer', 'staff.note.preset.cooler', 'staff.note.preset.temperatureOk'],
  products: [],
  skin: ['staff.note.preset.redness', 'staff.note.preset.dryness', 'staff.note.preset.sensitive', 'staff.note.preset.breakouts'],
  other: [],
};

export const INCIDENT_KIND_KEYS: Record<IncidentKind, MessageKey> = {
  allergic_reaction: 'staff.incident.kind.allergic_reaction',
  burn_or_cut: 'staff.incident.kind.burn_or_cut',
  equipment_failure: 'staff.incident.kind.equipment_failure',
  other: 'staff.incident.kind.other',
};

/** Tags the client may add to a rating (the vocabulary is shared's, the hub refuses others); each screen shows its own language. */
export { RATING_TAGS, isRatingTag } from '@glow/shared';
export type { RatingTag };
export const RATING_TAG_KEYS: Record<RatingTag, MessageKey> = {
  friendly: 'staff.rate.tag.friendly',
  professional: 'staff.rate.tag.professional',
  clean: 'staff.rate.tag.clean',
  relaxing: 'staff.rate.tag.relaxing',
  too_long: 'staff.rate.tag.too_long',
  too_painful: 'staff.rate.tag.too_painful',
};

/** Why a beautician hands an assignment back: a picked reason (in the tablet's language) plus what they type. */
export const HAND_BACK_REASONS = ['not_qualified', 'contraindication', 'client_request', 'equipment', 'unwell', 'other'] as const;
export type HandBackReason = (typeof HAND_BACK_REASONS)[number];
export const HAND_BACK_KEYS: Record<HandBackReason, MessageKey> = {
  not_qualified: 'staff.handBack.reason.not_qualified',
  contraindication: 'staff.handBack.reason.contraindication',
  client_request: 'staff.handBack.reason.client_request',
  equipment: 'staff.handBack.reason.equipment',
  unwell: 'staff.handBack.reason.unwell',
  other: 'staff.handBack.reason.other',
};

/** The reason sent to the hub: "Picked reason: typed text", or either alone. */
export function handBackText(picked: string | null, typed: string): string {
  const text = typed.trim();
  if (picked && text) return `${picked}: ${text}`;
  return picked ?? text;
}
