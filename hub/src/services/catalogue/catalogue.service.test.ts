import { describe, expect, it } from 'vitest';
import { emptySalon } from '../../seed/salon-seed.ts';
import { DEMO_ROOMS, DEMO_SERVICES, DEMO_STAFF } from '../../seed/demo-catalogue.ts';
import { applyChanges } from '../../store/apply-changes.ts';
import type { HubState } from '../../store/hub-state.ts';
import { isRefusal } from '../app-error.ts';
import { decideBookingHold } from '../booking-hold.service.ts';
import { decideCategory, decideOrderCategories, decideService } from './catalogue.service.ts';
import { catalogueUpgrade } from './catalogue-upgrade.ts';

const salon = (): HubState => {
  const state = emptySalon('Test', 'en', 'UTC');
  state.services = Object.fromEntries(DEMO_SERVICES.map((s) => [s.id, s]));
  state.rooms = Object.fromEntries(DEMO_ROOMS.map((r) => [r.id, r]));
  state.staff = Object.fromEntries(DEMO_STAFF.map(({ pin: _pin, ...s }) => [s.id, s]));
  return state;
};
let n = 0;
const newId = () => `id${++n}`;

describe('catalogue upgrade', () => {
  it('gives every category, skill and equipment id that older data names a record, once', () => {
    const state = salon();
    const changes = catalogueUpgrade(state)!;
    expect(Object.keys(changes.categories!)).toEqual(['facial', 'body', 'hair_colour', 'nails']);
    expect(changes.categories!.hair_colour).toMatchObject({ name: { en: 'Hair colour', 'zh-CN': '染发' }, order: 2, consultation: true, archived: false });
    expect(Object.keys(changes.skills!).sort()).toEqual(['body', 'facial', 'hair_colour', 'nails']);
    expect(changes.equipment!.steamer?.name.en).toBe('Steamer');
    applyChanges(state, changes);
    expect(catalogueUpgrade(state)).toBeNull();
  });

  it('keeps what the manager renamed', () => {
    const state = salon();
    applyChanges(state, catalogueUpgrade(state)!);
    state.categories.facial = { ...state.categories.facial!, name: { en: 'Skin', 'zh-CN': '皮肤' } };
    expect(catalogueUpgrade(state)).toBeNull();
  });
});

describe('catalogue decisions', () => {
  const upgraded = () => {
    const state = salon();
    applyChanges(state, catalogueUpgrade(state)!);
    return state;
  };

  it('a new category goes last; the order puts the named ones first and keeps the rest', () => {
    const state = upgraded();
    const made = decideCategory(state, { id: null, name: { en: 'Brows', 'zh-CN': '眉' }, consultation: false, archived: false }, newId);
    if (isRefusal(made)) throw new Error('refused');
    applyChanges(state, made.changes);
    expect(state.categories[made.result.id]?.order).toBe(4);
    const ordered = decideOrderCategories(state, [made.result.id, 'nails']);
    if (isRefusal(ordered)) throw new Error('refused');
    applyChanges(state, ordered.changes);
    const order = Object.values(state.categories).sort((a, b) => a.order - b.order).map((c) => c.id);
    expect(order).toEqual([made.result.id, 'nails', 'facial', 'body', 'hair_colour']);
  });

  it('a service keeps its aftercare guide when its card is saved, and an archived skill cannot be newly chosen', () => {
    const state = upgraded();
    const classic = state.services['facial-classic']!;
    state.services['facial-classic'] = { ...classic, aftercareGuide: { normal: { en: 'n', 'zh-CN': 'n' }, notNormal: { en: 'x', 'zh-CN': 'x' }, whenToCall: { en: 'c', 'zh-CN': 'c' }, nextTreatmentWeeks: 4 } };
    const input = { id: 'facial-classic', name: classic.name, categoryId: 'facial', durationMin: 50, price: '40', requiredSkill: 'facial', equipment: ['facial_bed'], cleaningBufferMin: 5, aftercare: classic.aftercare, usualIntervalWeeks: 4, onlineRebooking: false, archived: false };
    const saved = decideService(state, 0, input, newId, []);
    if (isRefusal(saved)) throw new Error('refused');
    expect(saved.changes.services!['facial-classic']).toMatchObject({ durationMin: 50, priceMinor: 4000, onlineRebooking: false, aftercareGuide: { nextTreatmentWeeks: 4 } });
    state.skills.nails = { ...state.skills.nails!, archived: true };
    const refused = decideService(state, 0, { ...input, requiredSkill: 'nails' }, newId, []);
    expect(isRefusal(refused) && refused.issues).toEqual([{ field: 'requiredSkill', rule: 'archived_choice' }]);
  });

  it('a service kept off online booking, or archived, is not booked from a phone', () => {
    const state = upgraded();
    const hold = () => decideBookingHold(state, 0, { clientId: 'nobody', serviceId: 'facial-classic', staffId: null, startsAt: 0 }, newId);
    expect(isRefusal(hold()) && hold()).toMatchObject({ reason: 'unknown_booking' }); // gets past the service check
    state.services['facial-classic'] = { ...state.services['facial-classic']!, onlineRebooking: false };
    expect(hold()).toMatchObject({ reason: 'unknown_service' });
    state.services['facial-classic'] = { ...state.services['facial-classic']!, onlineRebooking: true, archived: true };
    expect(hold()).toMatchObject({ reason: 'unknown_service' });
  });
});
