import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { WeeklyShifts } from '@glow/shared';
import { emptySalon } from '../../hub/src/seed/salon-seed.ts';
import { hashPin } from '../../hub/src/security/secrets.ts';
import { wcagViolations } from '../support/axe.ts';
import { launchBrowser, newPage, shoot, TABLET } from '../support/browser.ts';
import { pairKiosk, startHub, workingHoursZone, type TestHub } from '../support/hub-harness.ts';
import { asPairedKiosk, registerAtKiosk } from '../support/kiosk-driver.ts';
import { pairAndSignIn } from '../support/staff-page.ts';

/**
 * A salon with nothing in it but its owner sets itself up through the manager's catalogue screens (#13): skills and
 * equipment, two categories, three services with prices, two products, three staff with their week, two rooms. Then
 * a client checks in at the kiosk and the floor assigns them by the rules just entered: the present beautician with
 * the service's skill, in the room with its equipment. Every new screen is photographed in English and Chinese.
 */
const OWNER_PIN = '2468';
const ALL_DAY: WeeklyShifts = Array.from({ length: 7 }, () => ({ start: '00:00', end: '00:00', breaks: [] }));

describe('catalogue, staff and rooms on the manager’s tablet', () => {
  let t: TestHub;
  let browser: Browser;
  let boss: Page;
  const state = () => t.hub.core.engine.state;
  const idOf = <T extends { id: string }>(items: Record<string, T>, match: (item: T) => boolean): string => {
    const found = Object.values(items).find(match);
    if (!found) throw new Error('not saved');
    return found.id;
  };

  beforeAll(async () => {
    const timeZone = workingHoursZone();
    t = await startHub({
      staticDirs: true,
      timeZone,
      seed: async () => {
        const salon = emptySalon('Lotus Beauty', 'en', timeZone);
        salon.staff.owner = { id: 'owner', name: 'Olga Owner', role: 'manager', skills: [], active: true, weeklyShifts: ALL_DAY };
        salon.credentials.owner = await hashPin(OWNER_PIN);
        return salon;
      },
    });
    browser = await launchBrowser();
    boss = await newPage(browser, TABLET);
    await pairAndSignIn(boss, t, 'owner', OWNER_PIN, 'Owner tablet');
    await boss.getByTestId('board').waitFor();
    await boss.getByTestId('catalogue-open').click();
    await boss.getByTestId('catalogue-screen').waitFor();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const nav = (section: string) => boss.getByTestId(`catalogue-nav-${section}`).click();
  const both = async (prefix: string, en: string, zh: string) => {
    await boss.getByTestId(`${prefix}-en`).fill(en);
    await boss.getByTestId(`${prefix}-zh-CN`).fill(zh);
  };
  const saveAndWait = async (section: string) => {
    await boss.getByTestId(`catalogue-${section}-save`).click();
    await boss.getByTestId(`catalogue-${section}-saved`).waitFor();
  };
  /**
   * Both languages of the screen as it is now. A refused form is saved again after the switch (`again`), so that its
   * messages are the hub's and the tablet's in that language, as a manager reading Chinese would see them.
   */
  const shootBoth = async (name: string, again?: () => Promise<void>) => {
    for (const lang of ['en', 'zh-CN'] as const) {
      await boss.getByTestId(`lang-${lang}`).click();
      await boss.waitForFunction((l) => document.documentElement.lang === l, lang);
      if (again) await again();
      await shoot(boss, `catalogue-${name}-${lang}`);
      // Every screen passes WCAG 2 AA (contrast, names, labels) in both languages (the board under it is audited elsewhere).
      expect(await wcagViolations(boss, '[data-testid="catalogue-screen"]'), `${name}-${lang}`).toEqual([]);
    }
    await boss.getByTestId('lang-en').click();
    await boss.waitForFunction(() => document.documentElement.lang === 'en');
    if (again) await again();
  };

  it('lists start empty; skills and equipment are added as named lists, a duplicate name is refused beside the field', async () => {
    await shootBoth('empty-categories');
    await nav('skills');
    for (const [en, zh] of [['Facials', '面部护理'], ['Nails', '美甲']] as const) {
      await boss.getByTestId('catalogue-skills-new').click();
      await both('catalogue-skills-name', en, zh);
      await saveAndWait('skills');
    }
    await boss.getByTestId('catalogue-skills-new').click();
    await both('catalogue-skills-name', 'nails', '指甲');
    await boss.getByTestId('catalogue-skills-save').click();
    await expect.poll(() => boss.getByTestId('field-error').first().innerText()).toBe('Another current one already has this name.');
    await shootBoth('skills-duplicate', async () => {
      await boss.getByTestId('catalogue-skills-save').click();
      await boss.getByTestId('catalogue-skills-problem').waitFor();
    });
    expect(await boss.getByTestId('field-error').first().innerText()).toBe('Another current one already has this name.');
    expect(Object.keys(state().skills)).toHaveLength(2);

    await nav('equipment');
    for (const [en, zh] of [['Facial bed', '美容床'], ['Nail station', '美甲台']] as const) {
      await boss.getByTestId('catalogue-equipment-new').click();
      await both('catalogue-equipment-name', en, zh);
      await saveAndWait('equipment');
    }
    await shootBoth('equipment');
    expect(Object.values(state().equipment).map((e) => e.name.en).sort()).toEqual(['Facial bed', 'Nail station']);
  });

  it('adds two categories and orders them for the kiosk', async () => {
    await nav('categories');
    for (const [en, zh] of [['Nails', '美甲'], ['Facials', '面部护理']] as const) {
      await boss.getByTestId('catalogue-categories-new').click();
      await both('catalogue-categories-name', en, zh);
      await saveAndWait('categories');
    }
    await shootBoth('categories-form');
    // Facials first at the kiosk: moved up on the list.
    const facials = idOf(state().categories, (c) => c.name.en === 'Facials');
    await boss.getByTestId('catalogue-category-up').nth(1).click();
    await expect.poll(() => state().categories[facials]?.order).toBe(0);
    await boss.getByTestId('catalogue-categories-search').fill('面部');
    await expect.poll(() => boss.getByTestId('catalogue-categories-item').count()).toBe(1);
    await shootBoth('categories-search');
    await boss.getByTestId('catalogue-categories-search').fill('');
  });

  it('adds three services with prices; a price with too many decimals is refused naming the rule, nothing half-saved', async () => {
    await nav('services');
    const add = async (s: { en: string; zh: string; category: string; minutes: string; price: string; skill: string; equipment: string }) => {
      await boss.getByTestId('catalogue-services-new').click();
      await both('catalogue-services-name', s.en, s.zh);
      await boss.getByTestId('catalogue-services-category').selectOption({ label: s.category });
      await boss.getByTestId('catalogue-services-duration').fill(s.minutes);
      await boss.getByTestId('catalogue-services-price').fill(s.price);
      await boss.getByTestId(`catalogue-services-skill-${idOf(state().skills, (k) => k.name.en === s.skill)}`).click();
      await boss.getByTestId(`catalogue-services-equipment-${idOf(state().equipment, (k) => k.name.en === s.equipment)}`).click();
    };
    await add({ en: 'Glow facial', zh: '焕亮面部护理', category: 'Facials', minutes: '60', price: '45.555', skill: 'Facials', equipment: 'Facial bed' });
    await boss.getByTestId('catalogue-services-save').click();
    await expect.poll(() => boss.getByTestId('field-error').first().innerText()).toBe('The salon’s currency has at most 2 decimal places.');
    expect(await boss.getByTestId('catalogue-services-problem').innerText()).toContain('Nothing was saved');
    await shootBoth('services-invalid', async () => {
      await boss.getByTestId('catalogue-services-save').click();
      await boss.getByTestId('catalogue-services-problem').waitFor();
    });
    expect(await boss.getByTestId('field-error').first().innerText()).toBe('The salon’s currency has at most 2 decimal places.');
    expect(Object.keys(state().services)).toHaveLength(0);
    await boss.getByTestId('catalogue-services-price').fill('45.50');
    await saveAndWait('services');
    await add({ en: 'Express facial', zh: '快速面部护理', category: 'Facials', minutes: '30', price: '25', skill: 'Facials', equipment: 'Facial bed' });
    await saveAndWait('services');
    await add({ en: 'Gel manicure', zh: '凝胶美甲', category: 'Nails', minutes: '45', price: '30', skill: 'Nails', equipment: 'Nail station' });
    await saveAndWait('services');
    await shootBoth('services-form');
    expect(Object.values(state().services).map((s) => [s.name.en, s.priceMinor]).sort()).toEqual([
      ['Express facial', 2500],
      ['Gel manicure', 3000],
      ['Glow facial', 4550],
    ]);
  });

  it('adds two products with their follow-up kind', async () => {
    await nav('products');
    for (const p of [
      { en: 'Hydrating serum', zh: '补水精华', brand: 'Aqua', price: '32', unit: '30 ml', kind: 'treatment_product' },
      { en: 'Collagen drink', zh: '胶原蛋白饮', brand: 'Vita', price: '18.90', unit: '10 sachets', kind: 'supplement' },
    ]) {
      await boss.getByTestId('catalogue-products-new').click();
      await both('catalogue-products-name', p.en, p.zh);
      await boss.getByTestId('catalogue-products-brand').fill(p.brand);
      await boss.getByTestId('catalogue-products-price').fill(p.price);
      await boss.getByTestId('catalogue-products-unit').fill(p.unit);
      await boss.getByTestId('catalogue-products-follow-up').selectOption(p.kind);
      await both('catalogue-products-how', `Use ${p.en} daily`, `每天使用${p.zh}`);
      await saveAndWait('products');
    }
    await shootBoth('products-form');
    expect(Object.values(state().products).map((p) => [p.name.en, p.priceMinor, p.followUp]).sort()).toEqual([
      ['Collagen drink', 1890, 'supplement'],
      ['Hydrating serum', 3200, 'treatment_product'],
    ]);
  });

  it('adds three staff with their week; a shift that ends before it starts is refused on that day', async () => {
    await nav('staff');
    const add = async (name: string, role: string, skill: string | null) => {
      await boss.getByTestId('catalogue-staff-new').click();
      await boss.getByTestId('catalogue-staff-name').fill(name);
      await boss.getByTestId('catalogue-staff-role').selectOption(role);
      if (skill) await boss.getByTestId(`catalogue-staff-skills-${idOf(state().skills, (k) => k.name.en === skill)}`).click();
      // Sunday too, so that the test works whatever day it runs.
      await boss.getByTestId('catalogue-staff-week-works-0').check();
    };
    await add('Amy Chen', 'beautician', 'Facials');
    await boss.getByTestId('catalogue-staff-week-end-1').fill('08:00');
    await boss.getByTestId('catalogue-staff-week-add-break-2').click();
    await boss.getByTestId('catalogue-staff-week-add-break-2').click();
    await boss.getByTestId('catalogue-staff-save').click();
    await expect.poll(() => boss.getByTestId('field-error').count()).toBe(2);
    expect(await boss.getByTestId('field-error').allInnerTexts()).toEqual([
      'The shift must end after it starts (00:00 as the end means midnight).',
      'This break overlaps another one.',
    ]);
    await shootBoth('staff-invalid', async () => {
      await boss.getByTestId('catalogue-staff-save').click();
      await boss.getByTestId('catalogue-staff-problem').waitFor();
    });
    expect(Object.keys(state().staff)).toEqual(['owner']);
    await boss.getByTestId('catalogue-staff-week-end-1').fill('18:00');
    await boss.getByTestId('catalogue-staff-week-break-start-2-1').fill('15:00');
    await boss.getByTestId('catalogue-staff-week-break-end-2-1').fill('15:15');
    await saveAndWait('staff');
    await add('Bea Li', 'beautician', 'Nails');
    await saveAndWait('staff');
    await add('Cara Wu', 'front_desk', null);
    await saveAndWait('staff');
    await shootBoth('staff-form');
    // Bea is off sick today: a one-off change, applied at once (the floor, the waits and the slot search read it).
    await boss.getByTestId('catalogue-staff-item').filter({ hasText: 'Bea Li' }).click();
    await boss.getByTestId('catalogue-days').scrollIntoViewIfNeeded();
    await boss.getByTestId('catalogue-days-kind').selectOption('off');
    await boss.getByTestId('catalogue-days-reason').selectOption('sick');
    await boss.getByTestId('catalogue-days-apply').click();
    await boss.getByTestId('catalogue-days-saved').waitFor();
    await boss.getByTestId('catalogue-days-list').waitFor();
    await shootBoth('staff-day-changes');
    const beaNow = state().staff[idOf(state().staff, (s) => s.name === 'Bea Li')]!;
    expect(Object.values(beaNow.dayChanges ?? {})).toEqual([{ shift: null, reason: 'sick' }]);
    const amy = state().staff[idOf(state().staff, (s) => s.name === 'Amy Chen')]!;
    expect(amy.weeklyShifts[2]?.breaks).toEqual([{ start: '12:00', end: '13:00' }, { start: '15:00', end: '15:15' }]);
    expect(amy.weeklyShifts[1]).toMatchObject({ start: '09:00', end: '18:00' });
  });

  it('adds two rooms with their equipment', async () => {
    await nav('rooms');
    for (const [name, equipment] of [['Room A', 'Facial bed'], ['Nail bar', 'Nail station']] as const) {
      await boss.getByTestId('catalogue-rooms-new').click();
      await boss.getByTestId('catalogue-rooms-name').fill(name);
      await boss.getByTestId(`catalogue-rooms-equipment-${idOf(state().equipment, (e) => e.name.en === equipment)}`).click();
      await saveAndWait('rooms');
    }
    await shootBoth('rooms-form');
    expect(Object.values(state().rooms).map((r) => r.name).sort()).toEqual(['Nail bar', 'Room A']);
  });

  it('a client checks in at the kiosk and is assigned by the rules just entered: the present beautician with the skill, in the room with the equipment', async () => {
    await boss.getByTestId('catalogue-back').click();
    await boss.getByTestId('board').waitFor();
    const amy = idOf(state().staff, (s) => s.name === 'Amy Chen');
    const bea = idOf(state().staff, (s) => s.name === 'Bea Li');
    // Both are here today (marked by the manager: they have no PIN yet); only Amy does facials, and Bea is off sick.
    await boss.getByTestId(`staff-mark-present-${bea}`).click();
    await boss.getByTestId(`staff-mark-present-${amy}`).click();
    await expect.poll(() => boss.getByTestId(`staff-absent-${amy}`).count()).toBe(0);
    expect(await boss.getByTestId(`staff-status-${bea}`).innerText()).toContain('Not on shift');
    await shoot(boss, 'catalogue-board-after-setup-en');

    const lobby = await newPage(browser, TABLET);
    await asPairedKiosk(lobby, await pairKiosk(t));
    await lobby.goto(`${t.url}/`);
    await lobby.getByTestId('walk-in').click();
    await registerAtKiosk(lobby, { phone: '07700900555', first: 'Nina', last: 'Park', birthday: { year: '1990', month: '5', day: '12' } });
    const glow = idOf(state().services, (s) => s.name.en === 'Glow facial');
    await lobby.getByTestId(`service-${glow}`).waitFor();
    await shoot(lobby, 'catalogue-kiosk-services-en');
    expect(await lobby.locator('h2').allInnerTexts()).toEqual(['Facials', 'Nails']);
    await lobby.getByTestId(`service-${glow}`).click();
    await lobby.getByTestId('check-in').click();
    await expect.poll(() => lobby.getByTestId('ticket-number').textContent()).toMatch(/[A-Z]\d{3}/);

    const roomA = idOf(state().rooms, (r) => r.name === 'Room A');
    await expect.poll(() => t.hub.core.active.list(state()).map((v) => [v.staffId, v.roomId])).toEqual([[amy, roomA]]);
    await expect.poll(() => boss.getByTestId('board-rooms').innerText()).toContain('Nina');
    await shoot(boss, 'catalogue-board-assigned-en');
  });
});
