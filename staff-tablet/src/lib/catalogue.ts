import {
  parsePrice,
  priceText,
  currencyDigits,
  type CatalogueTerm,
  type LocalizedText,
  type Product,
  type ProductInput,
  type Room,
  type RoomInput,
  type Service,
  type ServiceCategoryRecord,
  type ServiceInput,
  type StaffInput,
  type StaffMember,
  type StaffView,
  type Translate,
  type WeeklyShifts,
} from '@glow/shared';
import { copyText, type FieldErrors } from './settings-form.ts';

/**
 * The manager's catalogue screens (#13) without the screen: what each form starts from, what it sends, and the
 * lists' search. Forms send whole items; the hub checks them again.
 */

/** One row of a catalogue list. */
export type ListRow = { id: string; label: string; detail?: string; tag?: string | null };

type Named = { name: LocalizedText | string; archived?: boolean; active?: boolean };

/** Current categories in the salon's order (archived ones are kept for history, not offered). */
export const currentCategories = (categories: StaffView['categories']): ServiceCategoryRecord[] =>
  Object.values(categories)
    .filter((c) => !c.archived)
    .sort((a, b) => a.order - b.order || a.name.en.localeCompare(b.name.en));

/** Current terms (skills or equipment), by name in the language on screen. */
export const currentTerms = (terms: Record<string, CatalogueTerm>, lang: 'en' | 'zh-CN'): CatalogueTerm[] =>
  Object.values(terms)
    .filter((t) => !t.archived)
    .sort((a, b) => nameIn(a.name, lang).localeCompare(nameIn(b.name, lang), lang));

export const nameIn = (name: LocalizedText | string, lang: 'en' | 'zh-CN'): string => (typeof name === 'string' ? name : name[lang] || name.en);

/** Whether an item matches what was typed in a list's search box: any of its names, any case, either language. */
export function matches(query: string, item: Named, ...more: string[]): boolean {
  const q = query.normalize('NFKC').trim().toLocaleLowerCase();
  if (!q) return true;
  const names = typeof item.name === 'string' ? [item.name] : [item.name.en, item.name['zh-CN']];
  return [...names, ...more].some((text) => text.normalize('NFKC').toLocaleLowerCase().includes(q));
}

/** A list's rows: the search applied, current items first then archived, each by name in the screen's language. */
export function listed<T extends Named & { id: string }>(items: readonly T[], query: string, lang: 'en' | 'zh-CN', more: (item: T) => string[] = () => []): T[] {
  const gone = (i: T) => i.archived === true || i.active === false;
  return items
    .filter((i) => matches(query, i, ...more(i)))
    .sort((a, b) => Number(gone(a)) - Number(gone(b)) || nameIn(a.name, lang).localeCompare(nameIn(b.name, lang), lang));
}

/**
 * A price's problem that only the salon's currency can tell (more decimals than it has), checked before sending
 * like the schema's rules; the hub checks the same.
 */
export function priceErrors(price: string, currency: string, t: Translate, field = 'price'): FieldErrors {
  const parsed = parsePrice(price, currency);
  if (parsed.ok || parsed.rule !== 'price_decimals') return {};
  return { [field]: t('rule.price_decimals', { digits: currencyDigits(currency) }) };
}

// ---- drafts: what a form edits, starting from the item (or empty for a new one) ----

export type CategoryDraft = { id: string | null; name: LocalizedText; consultation: boolean; archived: boolean };
export const categoryDraft = (c?: ServiceCategoryRecord): CategoryDraft => ({
  id: c?.id ?? null,
  name: copyText(c?.name),
  consultation: c?.consultation ?? true,
  archived: c?.archived ?? false,
});

export type TermDraft = { id: string | null; name: LocalizedText; archived: boolean };
export const termDraft = (t?: CatalogueTerm): TermDraft => ({ id: t?.id ?? null, name: copyText(t?.name), archived: t?.archived ?? false });

/** Numbers are typed as text and sent as numbers: an empty or odd box becomes NaN, which the schema names. */
export const asNumber = (text: string | number): number => (typeof text === 'number' ? text : text.trim() === '' ? Number.NaN : Number(text));

export type ServiceDraft = Omit<ServiceInput, 'commandId' | 'durationMin' | 'cleaningBufferMin' | 'usualIntervalWeeks' | 'nextTreatmentWeeks'> & {
  durationMin: string;
  cleaningBufferMin: string;
  /** Rebooking reminders and win-back. */
  usualIntervalWeeks: string;
  /** "Next treatment in N weeks" on the aftercare sheet. */
  nextTreatmentWeeks: string;
};
export function serviceDraft(s: Service | undefined, currency: string, defaults: { categoryId?: string; skill?: string } = {}): ServiceDraft {
  return {
    id: s?.id ?? null,
    name: copyText(s?.name),
    categoryId: s?.category ?? defaults.categoryId ?? '',
    durationMin: s ? String(s.durationMin) : '60',
    price: s?.priceMinor !== undefined ? priceText(s.priceMinor, currency) : '',
    requiredSkill: s?.requiredSkill ?? defaults.skill ?? '',
    equipment: [...(s?.equipment ?? [])],
    cleaningBufferMin: String(s?.cleaningBufferMin ?? 0),
    aftercare: copyText(s?.aftercare),
    usualIntervalWeeks: s?.usualIntervalWeeks ? String(s.usualIntervalWeeks) : '',
    nextTreatmentWeeks: s?.aftercareGuide?.nextTreatmentWeeks ? String(s.aftercareGuide.nextTreatmentWeeks) : '',
    onlineRebooking: s?.onlineRebooking ?? true,
    archived: s?.archived ?? false,
  };
}
export const serviceInput = (d: ServiceDraft): Omit<ServiceInput, 'commandId'> => ({
  ...d,
  durationMin: asNumber(d.durationMin),
  cleaningBufferMin: asNumber(d.cleaningBufferMin),
  usualIntervalWeeks: optionalWeeks(d.usualIntervalWeeks),
  nextTreatmentWeeks: optionalWeeks(d.nextTreatmentWeeks),
});
/** A number of weeks typed or left empty (none); "6.5" or "six" stay NaN or a fraction for the schema to name. */
const optionalWeeks = (text: string): number | null => (text.trim() === '' ? null : asNumber(text));

export type ProductDraft = Omit<ProductInput, 'commandId'>;
export const productDraft = (p: Product | undefined, currency: string): ProductDraft => ({
  id: p?.id ?? null,
  name: copyText(p?.name),
  brand: p?.brand ?? '',
  price: p ? priceText(p.priceMinor, currency) : '',
  unit: p?.unit ?? '',
  howToUse: copyText(p?.howToUse),
  followUp: p?.followUp ?? 'brand_product',
  archived: p?.archived ?? false,
});

/** A day of the week on the staff form: off, or a shift with its breaks. */
export type DayDraft = { working: boolean; start: string; end: string; breaks: { start: string; end: string }[] };
export type StaffDraft = Omit<StaffInput, 'commandId' | 'weeklyShifts'> & { week: DayDraft[] };

const dayOf = (shift: WeeklyShifts[number]): DayDraft =>
  shift
    ? { working: true, start: shift.start, end: shift.end, breaks: (shift.breaks ?? []).map((b) => ({ ...b })) }
    : { working: false, start: '09:00', end: '18:00', breaks: [] };

export const staffDraft = (m?: StaffMember): StaffDraft => ({
  id: m?.id ?? null,
  name: m?.name ?? '',
  role: m?.role ?? 'beautician',
  skills: [...(m?.skills ?? [])],
  active: m?.active ?? true,
  week: m ? m.weeklyShifts.map(dayOf) : Array.from({ length: 7 }, (_, d) => (d === 0 ? dayOf(null) : dayOf({ start: '09:00', end: '18:00', breaks: [] }))),
});
export const staffInput = (d: StaffDraft): Omit<StaffInput, 'commandId'> => ({
  id: d.id,
  name: d.name,
  role: d.role,
  skills: d.skills,
  active: d.active,
  weeklyShifts: d.week.map((day) => (day.working ? { start: day.start, end: day.end, breaks: day.breaks } : null)),
});

export type RoomDraft = Omit<RoomInput, 'commandId' | 'cleaningBufferMin'> & { cleaningBufferMin: string };
export const roomDraft = (r?: Room): RoomDraft => ({
  id: r?.id ?? null,
  name: r?.name ?? '',
  equipment: [...(r?.equipment ?? [])],
  cleaningBufferMin: String(r?.cleaningBufferMin ?? 10),
  outOfService: r?.state === 'out_of_service',
});
export const roomInput = (d: RoomDraft): Omit<RoomInput, 'commandId'> => ({ ...d, cleaningBufferMin: asNumber(d.cleaningBufferMin) });

/** The form's field path for a staff draft's day (the schema names `weeklyShifts.<day>…`). */
export const dayField = (day: number, rest: string): string => `weeklyShifts.${day}.${rest}`;
