import {
  isFinal,
  type AftercareGuide,
  type CatalogueTerm,
  type CategoryInput,
  type Product,
  type ProductInput,
  type Room,
  type RoomInput,
  type Service,
  type ServiceCategoryRecord,
  type ServiceInput,
  type StaffInput,
  type StaffMember,
  type TermInput,
  type Visit,
} from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { refuse, type Refusal, type RefusalIssue } from '../app-error.ts';
import type { Decision } from '../hub-engine.ts';
import { freed } from '../visit-access.ts';
import { duplicateNames, duplicatePlainName, priceOf, serviceDependents, unknownChoices } from './catalogue-rules.ts';

/**
 * The manager's catalogue, staff and rooms forms (#13) as pure decisions: the input is already checked field by field
 * (contracts/catalogue.ts); here what needs the salon's data. Every refusal names the field and the rule, or what
 * depends on the item, and changes nothing. Items are archived, never deleted: visits, bookings and the journal keep
 * pointing at them.
 */
type Saved = Decision<{ id: string }>;
type NewId = () => string;

const invalid = (issues: RefusalIssue[]): Refusal => refuse('invalid_input', issues[0]?.rule, undefined, issues);

export function decideCategory(state: Readonly<HubState>, input: Omit<CategoryInput, 'commandId'>, newId: NewId): Saved | Refusal {
  const existing = input.id === null ? undefined : state.categories[input.id];
  if (input.id !== null && !existing) return refuse('not_found', 'unknown_category');
  const dup = input.archived ? [] : duplicateNames(input.name, Object.values(state.categories), input.id);
  if (dup.length) return invalid(dup);
  if (input.archived && existing && !existing.archived) {
    const inUse = Object.values(state.services).filter((s) => s.category === existing.id && !s.archived);
    if (inUse.length) return refuse('conflict', 'category_in_use', { services: inUse.map((s) => s.name.en).join(', ') });
  }
  const id = existing?.id ?? newId();
  const order = existing?.order ?? Math.max(-1, ...Object.values(state.categories).map((c) => c.order)) + 1;
  const record: ServiceCategoryRecord = { id, name: input.name, order, consultation: input.consultation, archived: input.archived };
  return { changes: { categories: { [id]: record } }, result: { id } };
}

/** The categories in the order given; categories not named keep their place after them. */
export function decideOrderCategories(state: Readonly<HubState>, ids: readonly string[]): Decision<Record<string, never>> | Refusal {
  if (ids.some((id) => !state.categories[id])) return refuse('not_found', 'unknown_category');
  if (new Set(ids).size !== ids.length) return invalid([{ field: 'ids', rule: 'invalid' }]);
  const rest = Object.values(state.categories)
    .filter((c) => !ids.includes(c.id))
    .sort((a, b) => a.order - b.order)
    .map((c) => c.id);
  const changes: Record<string, ServiceCategoryRecord> = {};
  [...ids, ...rest].forEach((id, order) => {
    const c = state.categories[id]!;
    if (c.order !== order) changes[id] = { ...c, order };
  });
  return { changes: Object.keys(changes).length ? { categories: changes } : {}, result: {} };
}

/** A skill or a piece of equipment. Archiving one a current service still requires is refused, naming the services. */
export function decideTerm(
  state: Readonly<HubState>,
  list: 'skills' | 'equipment',
  input: Omit<TermInput, 'commandId'>,
  newId: NewId,
): Saved | Refusal {
  const items = state[list];
  const existing = input.id === null ? undefined : items[input.id];
  if (input.id !== null && !existing) return refuse('not_found', list === 'skills' ? 'unknown_skill' : 'unknown_equipment');
  const dup = input.archived ? [] : duplicateNames(input.name, Object.values(items), input.id);
  if (dup.length) return invalid(dup);
  if (input.archived && existing && !existing.archived) {
    const inUse = Object.values(state.services).filter(
      (s) => !s.archived && (list === 'skills' ? s.requiredSkill === existing.id : s.equipment.includes(existing.id)),
    );
    if (inUse.length) return refuse('conflict', 'term_in_use', { services: inUse.map((s) => s.name.en).join(', ') });
  }
  const id = existing?.id ?? newId();
  const record: CatalogueTerm = { id, name: input.name, archived: input.archived };
  return { changes: { [list]: { [id]: record } }, result: { id } };
}

export function decideService(
  state: Readonly<HubState>,
  now: number,
  input: Omit<ServiceInput, 'commandId'>,
  newId: NewId,
  activeVisits: readonly Visit[],
): Saved | Refusal {
  const existing = input.id === null ? undefined : state.services[input.id];
  if (input.id !== null && !existing) return refuse('not_found', 'unknown_service');
  const price = priceOf(state, input.price);
  const issues: RefusalIssue[] = [
    ...(input.archived ? [] : duplicateNames(input.name, Object.values(state.services), input.id)),
    ...unknownChoices([input.categoryId], state.categories, 'categoryId', existing ? [existing.category] : []),
    ...unknownChoices([input.requiredSkill], state.skills, 'requiredSkill', existing ? [existing.requiredSkill] : []),
    ...unknownChoices(input.equipment, state.equipment, 'equipment', existing?.equipment ?? []),
    ...('issue' in price ? [price.issue] : []),
  ];
  if (issues.length) return invalid(issues);
  if (input.archived && existing && !existing.archived) {
    const { tickets, bookings } = serviceDependents(state, now, existing.id, activeVisits);
    if (tickets.length || bookings) {
      return refuse('conflict', 'service_in_use', { service: existing.name.en, visits: tickets.length ? tickets.join(', ') : '—', bookings });
    }
  }
  const id = existing?.id ?? newId();
  const record: Service = {
    ...(existing ?? {}),
    id,
    category: input.categoryId,
    name: input.name,
    durationMin: input.durationMin,
    requiredSkill: input.requiredSkill,
    equipment: [...new Set(input.equipment)],
    aftercare: input.aftercare,
    priceMinor: 'minor' in price ? price.minor : 0,
    cleaningBufferMin: input.cleaningBufferMin,
    usualIntervalWeeks: input.usualIntervalWeeks,
    onlineRebooking: input.onlineRebooking,
    archived: input.archived,
  };
  const guide = nextTreatmentGuide(existing?.aftercareGuide, input.nextTreatmentWeeks);
  if (guide) record.aftercareGuide = guide;
  return { changes: { services: { [id]: record } }, result: { id } };
}

/**
 * The aftercare guide with the form's "next treatment in N weeks": the guide's texts are kept (Settings › Services'
 * aftercare edits them); a service without a guide gets one with empty texts only when a number is given.
 */
function nextTreatmentGuide(guide: AftercareGuide | undefined, weeks: number | null | undefined): AftercareGuide | undefined {
  if (weeks === undefined) return guide;
  if (guide) return { ...guide, nextTreatmentWeeks: weeks };
  if (weeks === null) return undefined;
  const empty = { en: '', 'zh-CN': '' };
  return { normal: empty, notNormal: { ...empty }, whenToCall: { ...empty }, nextTreatmentWeeks: weeks };
}

export function decideProduct(state: Readonly<HubState>, input: Omit<ProductInput, 'commandId'>, newId: NewId): Saved | Refusal {
  const existing = input.id === null ? undefined : state.products[input.id];
  if (input.id !== null && !existing) return refuse('not_found', 'unknown_product');
  const price = priceOf(state, input.price);
  const issues = [...(input.archived ? [] : duplicateNames(input.name, Object.values(state.products), input.id)), ...('issue' in price ? [price.issue] : [])];
  if (issues.length || !('minor' in price)) return invalid(issues);
  const id = existing?.id ?? newId();
  const record: Product = {
    id,
    name: input.name,
    brand: input.brand,
    priceMinor: price.minor,
    unit: input.unit,
    howToUse: input.howToUse,
    followUp: input.followUp,
    archived: input.archived,
  };
  return { changes: { products: { [id]: record } }, result: { id } };
}

/**
 * A staff member's card and week. Someone who left is archived (`active: false`): their visits keep their name.
 * Refused: a duplicate name, a skill not on the list, archiving someone who holds a client now, and leaving the
 * salon with no current manager (nobody could sign in to undo it).
 */
export function decideStaff(
  state: Readonly<HubState>,
  input: Omit<StaffInput, 'commandId'>,
  newId: NewId,
  activeVisits: readonly Visit[],
): Saved | Refusal {
  const existing = input.id === null ? undefined : state.staff[input.id];
  if (input.id !== null && !existing) return refuse('not_found', 'unknown_staff');
  const issues: RefusalIssue[] = [
    ...(input.active ? duplicatePlainName(input.name, Object.values(state.staff), input.id) : []),
    ...unknownChoices(input.skills, state.skills, 'skills', existing?.skills ?? []),
  ];
  if (existing && existing.role === 'manager' && existing.active && (input.role !== 'manager' || !input.active)) {
    const others = Object.values(state.staff).filter((s) => s.id !== existing.id && s.role === 'manager' && s.active);
    if (!others.length) issues.push({ field: input.active ? 'role' : 'active', rule: 'last_manager' });
  }
  if (issues.length) return invalid(issues);
  if (existing && existing.active && !input.active) {
    const held = activeVisits.filter((v) => v.staffId === existing.id && !isFinal(v.state));
    if (held.length) return refuse('conflict', 'staff_holds_client', { name: existing.name, visits: held.map((v) => v.ticket).join(', ') });
  }
  const id = existing?.id ?? newId();
  const record: StaffMember = {
    id,
    name: input.name,
    role: input.role,
    skills: [...new Set(input.skills)],
    active: input.active,
    weeklyShifts: input.weeklyShifts.map((d) => (d ? { start: d.start, end: d.end, breaks: d.breaks.map((b) => ({ ...b })) } : null)),
    // Leave and one-off changes are edited on their own (staff:dayChange) and kept through a save of the card.
    ...(existing?.dayChanges ? { dayChanges: existing.dayChanges } : {}),
  };
  return { changes: { staff: { [id]: record } }, result: { id } };
}

/** A room's card; taking it out of service while a client is in it is refused, as on the board. */
export function decideRoom(state: Readonly<HubState>, input: Omit<RoomInput, 'commandId'>, newId: NewId): Saved | Refusal {
  const existing = input.id === null ? undefined : state.rooms[input.id];
  if (input.id !== null && !existing) return refuse('not_found', 'unknown_room');
  const issues = [
    ...duplicatePlainName(input.name, Object.values(state.rooms), input.id),
    ...unknownChoices(input.equipment, state.equipment, 'equipment', existing?.equipment ?? []),
  ];
  if (issues.length) return invalid(issues);
  const id = existing?.id ?? newId();
  const base: Room = existing ?? { id, name: input.name, equipment: [], state: 'free', visitId: null, cleaningBufferMin: 0, cleaningUntil: null };
  let next: Room = { ...base, name: input.name, equipment: [...new Set(input.equipment)], cleaningBufferMin: input.cleaningBufferMin };
  if (input.outOfService && next.state !== 'out_of_service') {
    if (next.state === 'occupied' || next.visitId !== null) return refuse('conflict', 'room_occupied', { room: next.name });
    next = { ...next, state: 'out_of_service', cleaningUntil: null };
  } else if (!input.outOfService && next.state === 'out_of_service') {
    next = freed(next);
  }
  return { changes: { rooms: { [id]: next } }, result: { id } };
}
