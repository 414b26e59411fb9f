import type { Language, LocalizedText, Room, Service, StaffMember } from '@glow/shared';
import { DEMO_AFTERCARE_SETTINGS, withDemoGuide } from './demo-aftercare.ts';
import { DEMO_QUESTIONNAIRES, DEMO_ROOMS, DEMO_SERVICES, DEMO_STAFF } from './demo-catalogue.ts';
import type { SeedCommand } from './seed-commands.ts';

/**
 * The demo salon of the README as the commands its manager would send (#13): the set-up (salon, hours, the owner
 * Olivia and her PIN), then the lists (categories, skills, equipment), the services with their prices and aftercare,
 * the consultations, the rooms, the staff with their weeks and PINs, and the booking and contact settings. Run by
 * `runSeedCommands` — on the live hub at the first start of `npm run serve -- --demo` (main.ts), and on a private
 * engine for the tests' `demoSalon()` — so the demo is always a salon the screens could have built.
 */

const both = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });

/** The four categories the kiosk used to fix in code, in the kiosk's order, each with its consultation. */
const CATEGORIES = [
  ['facial', both('Facial', '面部护理')],
  ['body', both('Body', '身体护理')],
  ['hair_colour', both('Hair colour', '染发')],
  ['nails', both('Nails', '美甲')],
] as const;

const SKILLS = [
  ['facial', both('Facials', '面部护理')],
  ['body', both('Body treatments', '身体护理')],
  ['hair_colour', both('Hair colouring', '染发')],
  ['nails', both('Nails', '美甲')],
] as const;

const EQUIPMENT = [
  ['facial_bed', both('Facial bed', '美容床')],
  ['steamer', both('Steamer', '蒸脸器')],
  ['massage_table', both('Massage table', '按摩床')],
  ['colour_station', both('Colour station', '染发台')],
  ['nail_station', both('Nail station', '美甲台')],
] as const;

/** The demo's prices, in the salon's currency (CNY: whole yuan and fen). */
const PRICES: Record<string, string> = {
  'facial-classic': '380',
  'facial-hydrating': '320',
  'body-massage': '298',
  'hair-root-colour': '450',
  'nails-gel': '198',
};

/**
 * Products the demo lists, one of each follow-up kind, so the plan, the session notes and the aftercare sheet have
 * something to pick and the follow-up calls a product to follow up.
 */
const PRODUCTS = [
  {
    id: 'prod-hydra-serum',
    name: both('Hydra-boost serum', '水光精华液'),
    brand: 'Glow Lab',
    price: '168',
    unit: '30 ml',
    howToUse: both('Two drops morning and evening on clean skin, before cream.', '早晚洁面后取两滴，涂抹于面霜之前。'),
    followUp: 'treatment_product',
  },
  {
    id: 'prod-spf50',
    name: both('Daily sunscreen SPF 50', '日常防晒霜 SPF 50'),
    brand: 'Sunwise',
    price: '129',
    unit: '50 ml',
    howToUse: both('Every morning as the last step; again after two hours outdoors.', '每天早上最后一步使用；户外两小时后补涂。'),
    followUp: 'brand_product',
  },
  {
    id: 'prod-collagen',
    name: both('Collagen drink', '胶原蛋白饮'),
    brand: 'Glow Lab',
    price: '258',
    unit: '10 × 50 ml',
    howToUse: both('One bottle a day, before bed.', '每天睡前一瓶。'),
    followUp: 'supplement',
  },
] as const;

const productCommands = (): SeedCommand[] =>
  PRODUCTS.map(({ id, ...product }): SeedCommand => ({ command: 'catalogue:product', id, input: { id: null, ...product, archived: false } }));

/** Open every day, so that booking from the demo works whatever day it is tried on. */
const OPEN_EVERY_DAY = Array.from({ length: 7 }, () => ({ start: '09:00', end: '20:00' }));

export function demoSalonCommands(defaultLanguage: Language, timeZone: string): SeedCommand[] {
  const owner = DEMO_STAFF.find((m) => m.role === 'manager')!;
  return [
    setUpCommand({ name: 'Glow Demo Salon', defaultLanguage, timeZone, openingHours: OPEN_EVERY_DAY, owner }),
    // Changes of booking and moves up to 12 hours before (the default is 24).
    { command: 'settings:booking', input: { openingHours: OPEN_EVERY_DAY, holdMinutes: 5, changeCutoffHours: 12, horizonDays: 56 } },
    { command: 'settings:contact', input: { phone: DEMO_AFTERCARE_SETTINGS.contact.phone, address: DEMO_AFTERCARE_SETTINGS.contact.address } },
    ...demoListCommands(),
    ...serviceCommands(DEMO_SERVICES, (s) => PRICES[s.id] ?? '0'),
    ...productCommands(),
    ...DEMO_QUESTIONNAIRES.map((questionnaire): SeedCommand => ({ command: 'questionnaire:replace', input: { questionnaire } })),
    ...roomCommands(DEMO_ROOMS),
    ...staffCommands(DEMO_STAFF, owner.id),
  ];
}

/** The set-up as the owner's wizard sends it (no code: the hub sets itself up), the owner becoming the manager. */
export function setUpCommand(salon: {
  name: string;
  defaultLanguage: Language;
  timeZone: string;
  openingHours: ({ start: string; end: string } | null)[];
  owner: { id: string; name: string; pin: string };
}): SeedCommand {
  return {
    command: 'salon:setup',
    id: salon.owner.id,
    input: {
      salon: { name: salon.name, languages: ['en', 'zh-CN'], defaultLanguage: salon.defaultLanguage, locale: 'en-GB', currency: 'CNY', timeZone: salon.timeZone, closedDates: [] },
      openingHours: salon.openingHours,
      owner: { name: salon.owner.name, pin: salon.owner.pin, pinAgain: salon.owner.pin },
    },
  };
}

/** The demo's categories (each with its consultation), skills and equipment, under the ids the services name. */
export const demoListCommands = (): SeedCommand[] => [
  ...CATEGORIES.map(([id, name]): SeedCommand => ({ command: 'catalogue:category', id, input: { id: null, name, consultation: true, archived: false } })),
  ...SKILLS.map(([id, name]): SeedCommand => ({ command: 'catalogue:skill', id, input: { id: null, name, archived: false } })),
  ...EQUIPMENT.map(([id, name]): SeedCommand => ({ command: 'catalogue:equipment', id, input: { id: null, name, archived: false } })),
];

/** Each service's form, then its structured aftercare where the demo writes one. */
export const serviceCommands = (services: readonly Service[], price: (s: Service) => string): SeedCommand[] =>
  services.flatMap((s): SeedCommand[] => {
    const guide = withDemoGuide(s).aftercareGuide;
    return [
      {
        command: 'catalogue:service',
        id: s.id,
        input: {
          id: null,
          name: s.name,
          categoryId: s.category,
          durationMin: s.durationMin,
          price: price(s),
          requiredSkill: s.requiredSkill,
          equipment: s.equipment,
          cleaningBufferMin: 0,
          aftercare: s.aftercare,
          usualIntervalWeeks: guide?.nextTreatmentWeeks ?? null,
          onlineRebooking: true,
          archived: false,
        },
      },
      ...(guide ? [{ command: 'settings:serviceAftercare' as const, input: { serviceId: s.id, aftercare: s.aftercare, aftercareGuide: guide } }] : []),
    ];
  });

export const roomCommands = (rooms: readonly Room[]): SeedCommand[] =>
  rooms.map((r) => ({
    command: 'room:save',
    id: r.id,
    input: { id: null, name: r.name, equipment: r.equipment, cleaningBufferMin: r.cleaningBufferMin, outOfService: false },
  }));

/** The owner's own week (the set-up gave them the opening hours), then everyone else's card and PIN. */
export function staffCommands(members: readonly (StaffMember & { pin: string })[], ownerId: string): SeedCommand[] {
  const card = (m: StaffMember, id: string | null) => ({ id, name: m.name, role: m.role, skills: m.skills, active: m.active, weeklyShifts: m.weeklyShifts });
  const owner = members.find((m) => m.id === ownerId)!;
  return [
    { command: 'staff:save', input: card(owner, owner.id) },
    ...members
      .filter((m) => m.id !== ownerId)
      .flatMap((m): SeedCommand[] => [
        { command: 'staff:save', id: m.id, input: card(m, null) },
        { command: 'staff:setPin', input: { staffId: m.id, pin: m.pin, pinAgain: m.pin } },
      ]),
  ];
}
