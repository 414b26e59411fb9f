import type { CatalogueTerm, LocalizedText, ServiceCategoryRecord } from '@glow/shared';
import type { Changes, HubState } from '../../store/hub-state.ts';

/**
 * Categories, skills and equipment became the salon's own lists (#13). Before that they were ids in the code: four
 * fixed categories, and skill and equipment ids typed into services, staff and rooms. Data from then (and the demo
 * seed) names ids that have no record yet; this gives each one a record, once, as a journaled change at start-up,
 * named as the screens used to name it. Nothing is renamed or removed, so running it again changes nothing.
 */
const KNOWN_NAMES: Record<string, LocalizedText> = {
  // the four categories the code used to fix, as the kiosk labelled them
  facial: { en: 'Facial', 'zh-CN': '面部护理' },
  body: { en: 'Body', 'zh-CN': '身体护理' },
  hair_colour: { en: 'Hair colour', 'zh-CN': '染发' },
  nails: { en: 'Nails', 'zh-CN': '美甲' },
  // the demo's equipment
  facial_bed: { en: 'Facial bed', 'zh-CN': '美容床' },
  steamer: { en: 'Steamer', 'zh-CN': '蒸脸器' },
  massage_table: { en: 'Massage table', 'zh-CN': '按摩床' },
  colour_station: { en: 'Colour station', 'zh-CN': '染发台' },
  nail_station: { en: 'Nail station', 'zh-CN': '美甲台' },
};
/** The old kiosk's order of the four fixed categories; others follow. */
const OLD_ORDER = ['facial', 'body', 'hair_colour', 'nails'];

const SKILL_NAMES: Record<string, LocalizedText> = {
  facial: { en: 'Facials', 'zh-CN': '面部护理' },
  body: { en: 'Body treatments', 'zh-CN': '身体护理' },
  hair_colour: { en: 'Hair colouring', 'zh-CN': '染发' },
  nails: { en: 'Nails', 'zh-CN': '美甲' },
};

const nameOf = (id: string, names: Record<string, LocalizedText>): LocalizedText => {
  const known = names[id] ?? KNOWN_NAMES[id];
  if (known) return { ...known };
  const words = id.replace(/[_-]+/g, ' ').trim();
  const title = words.charAt(0).toUpperCase() + words.slice(1);
  return { en: title, 'zh-CN': title };
};

export function catalogueUpgrade(state: Readonly<HubState>): Changes | null {
  const categoryIds = new Set<string>();
  for (const s of Object.values(state.services)) categoryIds.add(s.category);
  for (const q of Object.values(state.questionnaires)) categoryIds.add(q.category);
  const skillIds = new Set<string>();
  for (const s of Object.values(state.services)) skillIds.add(s.requiredSkill);
  for (const m of Object.values(state.staff)) for (const k of m.skills) skillIds.add(k);
  const equipmentIds = new Set<string>();
  for (const s of Object.values(state.services)) for (const e of s.equipment) equipmentIds.add(e);
  for (const r of Object.values(state.rooms)) for (const e of r.equipment) equipmentIds.add(e);

  const categories: Record<string, ServiceCategoryRecord> = {};
  let next = Math.max(-1, ...Object.values(state.categories).map((c) => c.order)) + 1;
  const missing = [...categoryIds].filter((id) => !state.categories[id]);
  missing.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const id of missing) categories[id] = { id, name: nameOf(id, {}), order: next++, consultation: true, archived: false };
  const terms = (ids: Set<string>, have: Readonly<Record<string, CatalogueTerm>>, names: Record<string, LocalizedText>) =>
    Object.fromEntries([...ids].filter((id) => !have[id]).map((id) => [id, { id, name: nameOf(id, names), archived: false }]));
  const skills = terms(skillIds, state.skills, SKILL_NAMES);
  const equipment = terms(equipmentIds, state.equipment, {});

  const changes: Changes = {};
  if (Object.keys(categories).length) changes.categories = categories;
  if (Object.keys(skills).length) changes.skills = skills;
  if (Object.keys(equipment).length) changes.equipment = equipment;
  return Object.keys(changes).length ? changes : null;
}

const rank = (id: string): number => {
  const i = OLD_ORDER.indexOf(id);
  return i < 0 ? OLD_ORDER.length : i;
};
