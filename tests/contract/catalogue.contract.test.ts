import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUE_STAFF_COMMANDS, type KioskPatch, type StaffView } from '@glow/shared';
import { openTablet, until } from '../support/live-tablet.ts';
import { checkIn, connectKiosk, connectStaff, expectOk, pairDevice, send, startHub, type TestHub } from '../support/hub-harness.ts';

/** Monday 23 November 2026, 09:30 in the salon (UTC here): the demo staff are on shift. */
const MONDAY_0930 = Date.UTC(2026, 10, 23, 9, 30);
const both = (en: string, zh = `${en}（中文）`) => ({ en, 'zh-CN': zh });
const nineToSix = { start: '09:00', end: '18:00', breaks: [{ start: '12:00', end: '12:45' }] };
const week = Array.from({ length: 7 }, () => nineToSix);

/** A valid payload per catalogue command, to show that a refusal is about the role and not the input. */
const VALID: Record<keyof typeof CATALOGUE_STAFF_COMMANDS, Record<string, unknown>> = {
  'catalogue:category': { id: null, name: both('Brows'), consultation: false, archived: false },
  'catalogue:orderCategories': { ids: ['facial'] },
  'catalogue:skill': { id: null, name: both('Brow shaping'), archived: false },
  'catalogue:equipment': { id: null, name: both('Brow chair'), archived: false },
  'catalogue:service': {
    id: null, name: both('Brow tint'), categoryId: 'facial', durationMin: 20, price: '18.50', requiredSkill: 'facial', equipment: [],
    cleaningBufferMin: 0, aftercare: both(''), usualIntervalWeeks: 6, onlineRebooking: true, archived: false,
  },
  'catalogue:product': { id: null, name: both('Cleansing balm'), brand: 'Glow', price: '24', unit: '100 ml', howToUse: both('Morning and evening'), followUp: 'brand_product', archived: false },
  'staff:save': { id: null, name: 'Lily Xu', role: 'beautician', skills: ['facial'], active: true, weeklyShifts: week },
  'room:save': { id: null, name: 'Room 9', equipment: ['facial_bed'], cleaningBufferMin: 10, outOfService: false },
  'staff:dayChange': { staffId: 'mei', date: '2026-11-23', change: { shift: null, reason: 'sick' }, swapWith: null },
};

describe('catalogue, staff and rooms commands', () => {
  let h: TestHub | null = null;
  afterEach(async () => {
    await h?.stop();
    h = null;
  });

  it('are refused for the front desk and beauticians, whatever the input, and change nothing', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const desk = await connectStaff(h, { staffId: 'grace', pin: '4444' });
    const mei = await connectStaff(h, { staffId: 'mei', pin: '1111' });
    const revision = h.hub.core.engine.revision;
    for (const [name, input] of Object.entries(VALID)) {
      for (const who of [desk, mei]) {
        const ack = await send(who.socket, name as keyof typeof VALID, input as never);
        expect(ack.ok, name).toBe(false);
        if (!ack.ok) expect(ack.error.code, name).toBe('forbidden');
      }
    }
    expect(h.hub.core.engine.revision).toBe(revision);
  });

  it('the demo’s fixed categories, skills and equipment became data, named in both languages', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const boss = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const { categories, skills, equipment } = boss.snapshot.view;
    expect(Object.values(categories).sort((a, b) => a.order - b.order).map((c) => c.id)).toEqual(['facial', 'body', 'hair_colour', 'nails']);
    expect(categories.facial?.name).toEqual({ en: 'Facial', 'zh-CN': '面部护理' });
    expect(Object.keys(skills).sort()).toEqual(['body', 'facial', 'hair_colour', 'nails']);
    expect(equipment.massage_table?.name.en).toBe('Massage table');
    const kiosk = await connectKiosk(h.url);
    expect(Object.keys(kiosk.snapshot.view.categories)).toHaveLength(4);
  });

  it('every change appears live on another tablet and at the kiosk, journaled once; a retry changes nothing', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const hub = h;
    const boss = await connectStaff(hub, { staffId: 'olivia', pin: '9999' });
    const desk = await openTablet(hub.url, await pairDevice(hub), { staffId: 'grace', pin: '4444' });
    const kiosk = await connectKiosk(hub.url);
    const kioskView = { categories: {} as Record<string, unknown>, services: {} as Record<string, { archived?: boolean }> };
    kiosk.socket.on('sync:patch', (p: KioskPatch) => {
      Object.assign(kioskView.categories, p.set.categories ?? {});
      Object.assign(kioskView.services, p.set.services ?? {});
      for (const id of p.del.services ?? []) delete kioskView.services[id];
    });
    const deskView = (): StaffView => desk.live.snapshot!.view;

    const category = expectOk(await send(boss.socket, 'catalogue:category', VALID['catalogue:category'] as never));
    const skill = expectOk(await send(boss.socket, 'catalogue:skill', VALID['catalogue:skill'] as never));
    const chair = expectOk(await send(boss.socket, 'catalogue:equipment', VALID['catalogue:equipment'] as never));
    const commandId = 'catalogue-retry-0001';
    const serviceInput = { ...VALID['catalogue:service'], commandId, categoryId: category.id, requiredSkill: skill.id, equipment: [chair.id] };
    const service = expectOk(await send(boss.socket, 'catalogue:service', serviceInput as never));
    const revision = hub.hub.core.engine.revision;
    expect(expectOk(await send(boss.socket, 'catalogue:service', serviceInput as never))).toEqual(service);
    expect(hub.hub.core.engine.revision).toBe(revision);
    const product = expectOk(await send(boss.socket, 'catalogue:product', VALID['catalogue:product'] as never));
    const lily = expectOk(await send(boss.socket, 'staff:save', { ...VALID['staff:save'], skills: [skill.id] } as never));
    const room = expectOk(await send(boss.socket, 'room:save', { ...VALID['room:save'], equipment: [chair.id] } as never));

    await until(() => deskView().rooms[room.id] !== undefined && deskView().staff[lily.id] !== undefined, 5000, 'desk sees the new items');
    const view = deskView();
    expect(view.categories[category.id]).toMatchObject({ name: both('Brows'), consultation: false, archived: false, order: 4 });
    expect(view.skills[skill.id]?.name.en).toBe('Brow shaping');
    expect(view.equipment[chair.id]?.name.en).toBe('Brow chair');
    expect(view.services[service.id]).toMatchObject({ category: category.id, priceMinor: 1850, requiredSkill: skill.id, equipment: [chair.id], usualIntervalWeeks: 6 });
    expect(view.products[product.id]).toMatchObject({ priceMinor: 2400, followUp: 'brand_product', unit: '100 ml' });
    expect(view.staff[lily.id]).toMatchObject({ name: 'Lily Xu', skills: [skill.id], active: true });
    expect(view.rooms[room.id]).toMatchObject({ name: 'Room 9', equipment: [chair.id], state: 'free' });
    await until(() => kioskView.services[service.id] !== undefined && kioskView.categories[category.id] !== undefined, 5000, 'kiosk sees them');

    // Archived: gone from the kiosk, kept (marked) on the tablets for history; the order of categories is the manager's.
    expectOk(await send(boss.socket, 'catalogue:service', { ...VALID['catalogue:service'], categoryId: category.id, requiredSkill: skill.id, equipment: [chair.id], id: service.id, archived: true } as never));
    await until(() => kioskView.services[service.id] === undefined, 5000, 'kiosk drops the archived service');
    await until(() => deskView().services[service.id]?.archived === true, 5000, 'desk marks it archived');
    const late = await checkIn(kiosk.socket, { firstName: 'Tom', phone: '07700900999' }, service.id);
    expect(!late.ok && late.error.reason).toBe('unknown_service');
    expectOk(await send(boss.socket, 'catalogue:orderCategories', { ids: [category.id, 'nails'] }));
    await until(() => deskView().categories[category.id]?.order === 0, 5000, 'new order');
    expect(deskView().categories.nails?.order).toBe(1);
    expect(deskView().categories.facial?.order).toBe(2);

    // The journal holds each change as the command that made it.
    const commands = hub.hub.core.engine.state.categories[category.id];
    expect(commands?.name.en).toBe('Brows');
    desk.close();
  });

  it('bad input is refused naming the field and the rule, and nothing is saved', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const boss = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const revision = h.hub.core.engine.revision;
    const refused = async (name: keyof typeof VALID, input: Record<string, unknown>) => {
      const ack = await send(boss.socket, name, input as never);
      if (ack.ok) throw new Error(`${name} was accepted`);
      return ack.error;
    };
    const issue = (error: { issues?: { field: string; rule: string; message: string }[] }, field: string) => error.issues?.find((i) => i.field === field);
    const service = VALID['catalogue:service'];

    // Prices: more decimals than the currency has, below zero, not a number.
    const decimals = await refused('catalogue:service', { ...service, price: '18.505' });
    expect(issue(decimals, 'price')).toMatchObject({ rule: 'price_decimals', message: 'The salon’s currency has at most 2 decimal places.' });
    expect(issue(await refused('catalogue:service', { ...service, price: '-3' }), 'price')?.rule).toBe('price_negative');
    expect(issue(await refused('catalogue:product', { ...VALID['catalogue:product'], price: 'cheap' }), 'price')?.rule).toBe('price_format');
    // A duplicate name, whatever its case.
    const dup = await refused('catalogue:service', { ...service, name: { en: 'classic FACIAL', 'zh-CN': '新的' } });
    expect(issue(dup, 'name.en')).toMatchObject({ rule: 'duplicate_name', message: 'Another current one already has this name.' });
    expect(issue(dup, 'name.zh-CN')).toBeUndefined();
    expect(issue(await refused('staff:save', { ...VALID['staff:save'], name: 'mei lin' }), 'name')?.rule).toBe('duplicate_name');
    expect(issue(await refused('room:save', { ...VALID['room:save'], name: 'Room 1' }), 'name')?.rule).toBe('duplicate_name');
    // A skill typed by hand that is not on the salon's list.
    expect(issue(await refused('catalogue:service', { ...service, requiredSkill: 'brows' }), 'requiredSkill')?.rule).toBe('unknown_choice');
    // Shifts: ending before starting; overlapping breaks; a break outside the shift.
    const backwards = week.map((d, i) => (i === 1 ? { ...d, start: '18:00', end: '09:00' } : d));
    const shift = await refused('staff:save', { ...VALID['staff:save'], weeklyShifts: backwards });
    expect(issue(shift, 'weeklyShifts.1.end')).toMatchObject({ rule: 'shift_order' });
    expect(issue(shift, 'weeklyShifts.1.end')?.message).toContain('must end after it starts');
    const overlap = week.map((d, i) => (i === 2 ? { ...d, breaks: [{ start: '12:00', end: '13:00' }, { start: '12:30', end: '13:30' }] } : d));
    expect(issue(await refused('staff:save', { ...VALID['staff:save'], weeklyShifts: overlap }), 'weeklyShifts.2.breaks.1.start')?.rule).toBe('break_overlap');
    const outside = week.map((d, i) => (i === 3 ? { ...d, breaks: [{ start: '19:00', end: '19:30' }] } : d));
    expect(issue(await refused('staff:save', { ...VALID['staff:save'], weeklyShifts: outside }), 'weeklyShifts.3.breaks.0.start')?.rule).toBe('break_outside');
    // The last manager cannot be demoted.
    const olivia = h.hub.core.engine.state.staff.olivia!;
    const demote = await refused('staff:save', { id: 'olivia', name: olivia.name, role: 'front_desk', skills: [], active: true, weeklyShifts: week });
    expect(issue(demote, 'role')?.rule).toBe('last_manager');
    expect(h.hub.core.engine.revision).toBe(revision);
  });

  it('a service, skill or category something still depends on is not archived, and the refusal says what depends on it', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const boss = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const kiosk = await connectKiosk(h.url);
    // Everyone busy: the client waits in the queue for the classic facial.
    const ticket = expectOk(await checkIn(kiosk.socket, { firstName: 'Zoe', phone: '07700900123' })).ticket;
    const classic = h.hub.core.engine.state.services['facial-classic']!;
    const archive = { id: classic.id, name: classic.name, categoryId: classic.category, durationMin: classic.durationMin, price: '0', requiredSkill: classic.requiredSkill, equipment: classic.equipment, cleaningBufferMin: 0, aftercare: classic.aftercare, usualIntervalWeeks: null, onlineRebooking: true, archived: true };
    const ack = await send(boss.socket, 'catalogue:service', archive);
    expect(ack.ok).toBe(false);
    if (!ack.ok) {
      expect(ack.error).toMatchObject({ code: 'conflict', reason: 'service_in_use' });
      expect(ack.error.message).toContain(ticket);
      expect(ack.error.message).toContain('Classic facial');
    }
    const skill = await send(boss.socket, 'catalogue:skill', { id: 'nails', name: both('Nails', '美甲'), archived: true });
    expect(!skill.ok && skill.error.reason).toBe('term_in_use');
    if (!skill.ok) expect(skill.error.message).toContain('Gel manicure');
    const category = await send(boss.socket, 'catalogue:category', { id: 'body', name: both('Body', '身体护理'), consultation: true, archived: true });
    expect(!category.ok && category.error.reason).toBe('category_in_use');
    expect(h.hub.core.engine.state.services['facial-classic']?.archived).toBe(false);
  });

  it('a category set to ask no consultation sends no questionnaire to the kiosk', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const boss = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const kiosk = await connectKiosk(h.url);
    expect(kiosk.snapshot.view.questionnaires.nails).toBeDefined();
    const patched = new Promise<Record<string, string[]>>((resolve) =>
      kiosk.socket.on('sync:patch', (p: { del: Record<string, string[]> }) => p.del.questionnaires && resolve(p.del)),
    );
    expectOk(await send(boss.socket, 'catalogue:category', { id: 'nails', name: both('Nails', '美甲'), consultation: false, archived: false }));
    expect((await patched).questionnaires).toEqual(['nails']);
  });

  it('sick today takes someone off the floor at once: the planner assigns the colleague; a swap and a past day', async () => {
    h = await startHub({ clock: () => MONDAY_0930, timeZone: 'UTC', floorTickMs: 3_600_000 });
    const boss = await connectStaff(h, { staffId: 'olivia', pin: '9999' });
    const desk = await connectStaff(h, { staffId: 'grace', pin: '4444' });
    for (const staffId of ['mei', 'anna']) expectOk(await send(desk.socket, 'staff:markPresent', { staffId }));
    expectOk(await send(boss.socket, 'staff:dayChange', { staffId: 'mei', date: '2026-11-23', change: { shift: null, reason: 'sick' }, swapWith: null }));
    expect(h.hub.core.engine.state.staff.mei?.dayChanges).toEqual({ '2026-11-23': { shift: null, reason: 'sick' } });
    const kiosk = await connectKiosk(h.url);
    const { visitId } = expectOk(await checkIn(kiosk.socket, { firstName: 'Ivy', phone: '07700900777' }));
    // Mei would be first for a facial (the least versatile); off sick, Anna takes it.
    expect(h.hub.core.engine.state.visits[visitId]?.staffId).toBe('anna');

    // A swap: each works the other's shift that day, in one change.
    const anna = h.hub.core.engine.state.staff.anna!;
    const sofia = h.hub.core.engine.state.staff.sofia!;
    expectOk(await send(boss.socket, 'staff:dayChange', { staffId: 'anna', date: '2026-11-25', change: null, swapWith: 'sofia' }));
    const after = h.hub.core.engine.state.staff;
    expect(after.anna?.dayChanges?.['2026-11-25']).toEqual({ shift: sofia.weeklyShifts[3], reason: 'swap' });
    expect(after.sofia?.dayChanges?.['2026-11-25']).toEqual({ shift: anna.weeklyShifts[3], reason: 'swap' });
    // Back to normal, and a day already past is refused naming the field.
    expectOk(await send(boss.socket, 'staff:dayChange', { staffId: 'mei', date: '2026-11-23', change: null, swapWith: null }));
    expect(h.hub.core.engine.state.staff.mei?.dayChanges).toEqual({});
    const past = await send(boss.socket, 'staff:dayChange', { staffId: 'mei', date: '2026-11-20', change: { shift: null, reason: 'leave' }, swapWith: null });
    expect(!past.ok && past.error.issues?.[0]).toMatchObject({ field: 'date', rule: 'date_past' });
    const backwards = await send(boss.socket, 'staff:dayChange', { staffId: 'mei', date: '2026-11-24', change: { shift: { start: '17:00', end: '10:00', breaks: [] }, reason: 'other' }, swapWith: null });
    expect(!backwards.ok && backwards.error.issues?.[0]).toMatchObject({ field: 'change.shift.end', rule: 'shift_order' });
  });
});
