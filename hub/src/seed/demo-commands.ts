import type { Language, LocalizedText } from '@glow/shared';
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

/** Open every day, so that booking from the demo works whatever day it is tried on. */
const OPEN_EVERY_DAY = Array.from({ length: 7 }, () => ({ start: '09:00', end: '20:00' }));

export function demoSalonCommands(defaultLanguage: Language, timeZone: string): SeedCommand[] {
  const owner = DEMO_STAFF.find((m) => m.role === 'manager')!;
  const staffCard = (m: (typeof DEMO_STAFF)[number], id: string | null) => ({
    id,
    name: m.name,
    role: m.role,
    skills: m.skills,
    active: m.active,
    weeklyShifts: m.weeklyShifts,
  });
  return [
    {
      command: 'salon:setup',
      id: owner.id,
      input: {
        salon: { name: 'Glow Demo Salon', languages: ['en', 'zh-CN'], defaultLanguage, locale: 'en-GB', currency: 'CNY', timeZone, closedDates: [] },
        openingHours: OPEN_EVERY_DAY,
        owner: { name: owner.name, pin: owner.pin, pinAgain: owner.pin },
      },
    },
    // Changes of booking and moves up to 12 hours before (the default is 24).
    { command: 'settings:booking', input: { openingHours: OPEN_EVERY_DAY, holdMinutes: 5, changeCutoffHours: 12, horizonDays: 56 } },
    { command: 'settings:contact', input: { phone: DEMO_AFTERCARE_SETTINGS.contact.phone, address: DEMO_AFTERCARE_SETTINGS.contact.address } },
    ...CATEGORIES.map(([id, name]): SeedCommand => ({ command: 'catalogue:category', id, input: { id: null, name, consultation: true, archived: false } })),
    ...SKILLS.map(([id, name]): SeedCommand => ({ command: 'catalogue:skill', id, input: { id: null, name, archived: false } })),
    ...EQUIPMENT.map(([id, name]): SeedCommand => ({ command: 'catalogue:equipment', id, input: { id: null, name, archived: false } })),
    ...DEMO_SERVICES.flatMap((s): SeedCommand[] => {
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
            price: PRICES[s.id] ?? '0',
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
    }),
    ...DEMO_QUESTIONNAIRES.map((questionnaire): SeedCommand => ({ command: 'questionnaire:replace', input: { questionnaire } })),
    ...DEMO_ROOMS.map((r): SeedCommand => ({
      command: 'room:save',
      id: r.id,
      input: { id: null, name: r.name, equipment: r.equipment, cleaningBufferMin: r.cleaningBufferMin, outOfService: false },
    })),
    // The owner's own week (the set-up gave her the opening hours), then the team with their PINs (README).
    { command: 'staff:save', input: staffCard(owner, owner.id) },
    ...DEMO_STAFF.filter((m) => m.id !== owner.id).flatMap((m): SeedCommand[] => [
      { command: 'staff:save', id: m.id, input: staffCard(m, null) },
      { command: 'staff:setPin', input: { staffId: m.id, pin: m.pin, pinAgain: m.pin } },
    ]),
  ];
}
