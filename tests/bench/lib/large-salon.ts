/**
 * The "large salon, five years" data set of DESIGN §5: 20,000 clients, 200,000 closed visits with their
 * consultations and ratings, 50 staff with weekly shifts, 20 rooms, 60 services and the demo questionnaires.
 *
 * The salon's set-up, catalogue, rooms and staff are built by commands on the hub's engine (as the demo salon is:
 * hub/src/seed/demo-commands.ts), the clients and visits are generated records from a deterministic PRNG. Every generated record goes through its shared zod schema's `parse`, and the whole state
 * through HubStateSchema: when a schema gains or changes a field, seeding stops with an error naming the record kind
 * and the field, instead of writing data the hub would refuse (or silently misread) at start-up.
 */
import { createHash } from 'node:crypto';
import {
  DEFAULT_BOOKING_SETTINGS,
  ClientSchema,
  PlanSchema,
  RATING_TAGS,
  RatingSchema,
  RoomSchema,
  ServiceSchema,
  SessionNoteSchema,
  AftercareNotesSchema,
  StaffMemberSchema,
  VisitSchema,
  type Answers,
  type Client,
  type Questionnaire,
  type Room,
  type Service,
  type ServiceCategory,
  type StaffMember,
  type Visit,
  type WeeklyShifts,
} from '@glow/shared';
import { z } from 'zod';
import { DEMO_QUESTIONNAIRES, DEMO_ROOMS, DEMO_SERVICES, DEMO_STAFF } from '../../../hub/src/seed/demo-catalogue.ts';
import { demoListCommands, roomCommands, serviceCommands, setUpCommand, staffCommands } from '../../../hub/src/seed/demo-commands.ts';
import { salonAwaitingSetup, stateAfterSeed } from '../../../hub/src/seed/salon-seed.ts';
import type { SeedCommand } from '../../../hub/src/seed/seed-commands.ts';
import { HubStateSchema, PublicLinkSchema, type HubState, type PublicLink } from '../../../hub/src/store/hub-state.ts';
import { Prng } from './prng.ts';

export const LARGE_SALON = {
  clients: 20_000,
  visits: 200_000,
  staff: 50,
  rooms: 20,
  services: 60,
  years: 5,
} as const;

/** The salon's time zone in the data set (fixed, so the data set does not depend on the machine). */
export const LARGE_SALON_TIME_ZONE = 'Europe/London';

/** Days the aftercare link of a closed visit stays valid (the hub's `aftercareLinkDays`). */
const LINK_DAYS = 30;
const DAY_MS = 86_400_000;
const MIN = 60_000;

export type LargeSalonOptions = {
  /** PRNG seed: the same seed and anchor give the same salon. */
  seed?: number;
  /** The data set's "now" (ms): five years of history end the day before. Default: today 00:00 UTC. */
  anchor?: number;
  clients?: number;
  visits?: number;
  /** Progress lines (to stderr). */
  log?: (line: string) => void;
};

export type LargeSalonInfo = {
  anchor: number;
  timeZone: string;
  /** PIN of every staff member, by id (the demo staff keep their README PINs). */
  pins: Record<string, string>;
  frontDesk: string[];
  managers: string[];
  beauticians: string[];
  /** Phone numbers of existing clients (returning clients at the kiosk). */
  phones: string[];
};

/** Thrown when a generated record no longer matches the current schema: says which record and which field. */
export class SeedSchemaError extends Error {
  constructor(kind: string, schemaName: string, error: z.ZodError, sample: unknown) {
    const issues = error.issues
      .slice(0, 6)
      .map((i) => `  - ${i.path.join('.') || '(record)'}: ${i.message}`)
      .join('\n');
    super(
      `seed:large: a generated ${kind} does not match ${schemaName} (the schema changed?). Update ` +
        `tests/bench/lib/large-salon.ts to build the new shape.\n${issues}\n  record: ${JSON.stringify(sample).slice(0, 400)}`,
    );
    this.name = 'SeedSchemaError';
  }
}

function build<S extends z.ZodType>(schema: S, kind: string, schemaName: string, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new SeedSchemaError(kind, schemaName, result.error, value);
  return result.data;
}

// ---------- names and text ----------
const EN_FIRST = ['Amelia', 'Olivia', 'Isla', 'Ava', 'Mia', 'Grace', 'Sophie', 'Emily', 'Lily', 'Chloe', 'Ella', 'Ruby', 'Hannah', 'Zoe', 'Lucy', 'Alice', 'Freya', 'Erin', 'Holly', 'Jessica', 'Sarah', 'Laura', 'Rachel', 'Megan', 'Daniel', 'James', 'Tom', 'Oliver', 'Sam', 'Noah'];
const EN_LAST = ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Wright', 'Walker', 'Evans', 'Thomas', 'Roberts', 'Green', 'Hall', 'Wood', 'Clarke', 'Hughes', 'Edwards'];
const ZH_FIRST = ['丽娜', '静', '敏', '婷', '雪', '晓燕', '慧', '颖', '佳怡', '欣', '倩', '琳', '悦', '思雨', '梦', '芳', '玲', '蕾', '萍', '雅'];
const ZH_LAST = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const STAFF_FIRST = ['Hana', 'Yuki', 'Lena', 'Maya', 'Nora', 'Iris', 'Jade', 'Rosa', 'Tara', 'Vera', 'Wen', 'Xiu', 'Ying', 'Zara', 'Ada', 'Bea', 'Cleo', 'Dana', 'Eva', 'Fay', 'Gia', 'Ines', 'Joy', 'Kim', 'Lia', 'Mira', 'Nia', 'Opal', 'Pia', 'Quinn', 'Rae', 'Sia', 'Tess', 'Uma', 'Val', 'Wren', 'Xena', 'Yara', 'Zoe', 'Amy', 'Bo', 'Cora', 'Dee', 'Elle', 'Fern'];
const STAFF_LAST = ['Ahn', 'Bauer', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Huang', 'Ito', 'Jensen', 'Kowalski', 'Lopez', 'Moreau', 'Novak', 'Olsen'];

const CATEGORY_SERVICES: Record<'facial' | 'body' | 'hair_colour' | 'nails', { en: string; zh: string }[]> = {
  facial: [
    { en: 'Brightening facial', zh: '亮肤护理' }, { en: 'Anti-ageing facial', zh: '抗衰护理' }, { en: 'Clarifying facial', zh: '净肤护理' },
    { en: 'Oxygen facial', zh: '氧气护理' }, { en: 'Sensitive-skin facial', zh: '敏感肌护理' }, { en: 'Express facial', zh: '快速面部护理' },
    { en: 'Lifting facial', zh: '提拉护理' }, { en: 'Vitamin C facial', zh: '维C护理' }, { en: 'Peel treatment', zh: '焕肤护理' },
    { en: 'Eye treatment', zh: '眼部护理' }, { en: 'Men’s facial', zh: '男士面部护理' }, { en: 'Teen facial', zh: '青少年面部护理' },
    { en: 'Microdermabrasion', zh: '微晶磨皮' }, { en: 'Hydra boost', zh: '水光护理' },
  ],
  body: [
    { en: 'Full body massage', zh: '全身按摩' }, { en: 'Hot stone massage', zh: '热石按摩' }, { en: 'Aromatherapy massage', zh: '芳香按摩' },
    { en: 'Deep tissue massage', zh: '深层组织按摩' }, { en: 'Foot massage', zh: '足部按摩' }, { en: 'Body scrub', zh: '身体磨砂' },
    { en: 'Body wrap', zh: '身体裹敷' }, { en: 'Lymphatic drainage', zh: '淋巴引流' }, { en: 'Pregnancy massage', zh: '孕期按摩' },
    { en: 'Head and neck massage', zh: '头颈按摩' }, { en: 'Sports massage', zh: '运动按摩' }, { en: 'Back facial', zh: '背部护理' },
    { en: 'Cupping', zh: '拔罐' }, { en: 'Reflexology', zh: '反射疗法' },
  ],
  hair_colour: [
    { en: 'Full colour', zh: '全头染发' }, { en: 'Highlights', zh: '挑染' }, { en: 'Balayage', zh: '手刷染' },
    { en: 'Toner', zh: '调色' }, { en: 'Grey blending', zh: '白发遮盖' }, { en: 'Colour correction', zh: '颜色修正' },
    { en: 'Gloss', zh: '亮泽护色' }, { en: 'Ombré', zh: '渐变染' }, { en: 'Lowlights', zh: '低光染' },
    { en: 'Fashion colour', zh: '潮色' }, { en: 'Brow tint', zh: '染眉' }, { en: 'Lash tint', zh: '染睫毛' },
    { en: 'Bleach and tone', zh: '漂色调色' }, { en: 'Root touch-up', zh: '补根' },
  ],
  nails: [
    { en: 'Classic manicure', zh: '经典修甲' }, { en: 'Classic pedicure', zh: '经典修脚' }, { en: 'Gel pedicure', zh: '凝胶足甲' },
    { en: 'Acrylic extensions', zh: '水晶甲延长' }, { en: 'Nail art', zh: '美甲彩绘' }, { en: 'Gel removal', zh: '卸甲' },
    { en: 'Spa manicure', zh: 'SPA 修甲' }, { en: 'Spa pedicure', zh: 'SPA 修脚' }, { en: 'French manicure', zh: '法式美甲' },
    { en: 'Builder gel', zh: '加固凝胶' }, { en: 'Nail repair', zh: '修补指甲' }, { en: 'Paraffin hands', zh: '手部蜡疗' },
    { en: 'Men’s manicure', zh: '男士修甲' }, { en: 'Express polish', zh: '快速涂甲' },
  ],
};

const ROOM_KINDS: { name: string; equipment: string[]; buffer: number }[] = [
  { name: 'Facial suite', equipment: ['facial_bed', 'steamer'], buffer: 10 },
  { name: 'Treatment room', equipment: ['facial_bed', 'massage_table'], buffer: 15 },
  { name: 'Massage room', equipment: ['massage_table'], buffer: 15 },
  { name: 'Colour station', equipment: ['colour_station'], buffer: 10 },
  { name: 'Nail station', equipment: ['nail_station'], buffer: 5 },
];

const COMMENTS = ['Lovely as always, thank you!', 'My skin feels great.', 'A bit of a wait at the start.', 'Very relaxing.', '非常满意，谢谢！', 'Will book again.', 'The room was a little cold.', ''];
const NOTE_TEXTS = { pressure: 'Medium pressure preferred', temperature: 'Client felt cold, added a blanket', products: 'Used the calming serum', skin: 'Some redness on the cheeks', other: 'Client asked about a course of treatments' } as const;
const HOME_PRODUCTS = [
  { name: 'Gentle cleanser', howToUse: 'Morning and evening' },
  { name: 'Hydrating serum', howToUse: 'Twice a day after cleansing' },
  { name: 'SPF 50 sunscreen', howToUse: 'Every morning' },
  { name: 'Cuticle oil', howToUse: 'Every evening' },
  { name: 'Colour-safe shampoo', howToUse: 'Every wash, lukewarm water' },
];

// ---------- staff ----------
/** The 45 staff beyond the demo five: 37 beauticians, 6 front desk, 2 managers, each with a fixed 6-digit PIN. */
const GENERATED_STAFF: { id: string; role: StaffMember['role']; pin: string }[] = [
  ...Array.from({ length: 37 }, () => 'beautician' as const),
  ...Array.from({ length: 6 }, () => 'front_desk' as const),
  ...Array.from({ length: 2 }, () => 'manager' as const),
].map((role, i) => ({
  id: `${role === 'beautician' ? 'b' : role === 'front_desk' ? 'fd' : 'mgr'}-${String(i + 1).padStart(2, '0')}`,
  role,
  pin: String(500_000 + i * 7919),
}));

// ---------- shifts ----------
const shiftWeek = (start: string, end: string, lunch: [string, string], daysOff: number[]): WeeklyShifts =>
  Array.from({ length: 7 }, (_, day) => (daysOff.includes(day) ? null : { start, end, breaks: [{ start: lunch[0], end: lunch[1] }] }));

/** Three shift patterns (early, day, late) with two days off, staggered across the team. */
function shiftsFor(index: number): WeeklyShifts {
  const off = [index % 7, (index + 3) % 7];
  switch (index % 3) {
    case 0:
      return shiftWeek('09:00', '18:00', ['12:00', '12:45'], off);
    case 1:
      return shiftWeek('09:00', '19:00', ['13:00', '13:45'], off);
    default:
      return shiftWeek('11:00', '20:00', ['15:00', '15:45'], off);
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Answers a client gave to the demo questionnaire of a category (never a blocking answer: the visit went ahead). */
function answersFor(category: ServiceCategory, rng: Prng): Answers {
  switch (category) {
    case 'facial':
      return { pregnant: rng.chance(0.04), isotretinoin: false, sunburn: false, concerns: rng.some(['dryness', 'acne', 'sensitivity', 'dullness'], 3) };
    case 'body':
      return { pregnant: false, pressure: rng.int(1, 5) };
    case 'hair_colour':
      return { allergy: false, patch_test: 'passed' };
    case 'nails':
      return { nail_infection: false };
    default:
      return {};
  }
}

export async function buildLargeSalon(options: LargeSalonOptions = {}): Promise<{ state: HubState; info: LargeSalonInfo }> {
  const log = options.log ?? (() => {});
  const rng = new Prng(options.seed ?? 20_250_101);
  const anchor = options.anchor ?? Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const clientCount = options.clients ?? LARGE_SALON.clients;
  const visitCount = options.visits ?? LARGE_SALON.visits;

  // The salon itself (set-up, lists, services, questionnaires, rooms, staff and PINs) is built by the commands a
  // manager would send, as the demo is (hub/src/seed/seed-commands.ts), so it is a salon the screens could have made.
  // The five years of clients and visits below stay generated records: 220,000 commands would take many minutes and
  // journal a history nobody typed; each goes through its schema instead.
  const base = salonAwaitingSetup(LARGE_SALON_TIME_ZONE);
  base.meta.sessionKey = rng.token(32);

  // Services: the five demo ones and 55 more across the four categories, with the demo category's aftercare.
  const services: Service[] = [...DEMO_SERVICES];
  const categories = ['facial', 'body', 'hair_colour', 'nails'] as const;
  for (let i = 0; services.length < LARGE_SALON.services; i++) {
    const category = categories[i % categories.length]!;
    const names = CATEGORY_SERVICES[category];
    const name = names[Math.floor(i / categories.length) % names.length]!;
    const template = DEMO_SERVICES.find((s) => s.category === category)!;
    services.push(
      build(ServiceSchema, 'service', 'ServiceSchema', {
        id: `svc-${pad(i + 1, 2)}`,
        category,
        name: { en: name.en, 'zh-CN': name.zh },
        durationMin: rng.pick([30, 45, 60, 75, 90]),
        requiredSkill: template.requiredSkill,
        equipment: template.equipment,
        aftercare: template.aftercare,
      }),
    );
  }

  // Rooms: the five demo rooms and 15 more.
  const rooms: Room[] = [...DEMO_ROOMS];
  for (let i = 0; rooms.length < LARGE_SALON.rooms; i++) {
    const kind = ROOM_KINDS[i % ROOM_KINDS.length]!;
    rooms.push(
      build(RoomSchema, 'room', 'RoomSchema', {
        id: `room-${pad(rooms.length + 1, 2)}`,
        name: `${kind.name} ${Math.floor(i / ROOM_KINDS.length) + 1}`,
        equipment: kind.equipment,
        state: 'free',
        visitId: null,
        cleaningBufferMin: kind.buffer,
        cleaningUntil: null,
      }),
    );
  }

  // Staff: the five demo staff (README PINs) and 45 more: 40 beauticians, 7 front desk, 3 managers in all.
  const pins: Record<string, string> = {};
  const staff: StaffMember[] = [];
  for (const { pin, ...member } of DEMO_STAFF) {
    staff.push(member);
    pins[member.id] = pin;
  }
  GENERATED_STAFF.forEach(({ id, role, pin }, i) => {
    const skills: string[] = role === 'beautician' ? rng.some(categories, 3) : [];
    if (role === 'beautician' && skills.length === 0) skills.push(categories[i % categories.length]!);
    staff.push(
      build(StaffMemberSchema, 'staff member', 'StaffMemberSchema', {
        id,
        name: `${STAFF_FIRST[i % STAFF_FIRST.length]} ${STAFF_LAST[i % STAFF_LAST.length]}`,
        role,
        skills,
        active: true,
        weeklyShifts: shiftsFor(i),
      }),
    );
    pins[id] = pin;
  });
  const owner = DEMO_STAFF.find((m) => m.role === 'manager')!;
  const state = await stateAfterSeed(
    base,
    [
      // Open as the default booking hours say (closed on Sundays), like a salon that kept the wizard's suggestion.
      setUpCommand({ name: 'Glow Large Salon', defaultLanguage: 'en', timeZone: LARGE_SALON_TIME_ZONE, openingHours: DEFAULT_BOOKING_SETTINGS.openingHours, owner }),
      ...demoListCommands(),
      ...serviceCommands(services, (s) => String(s.durationMin * 6)),
      ...DEMO_QUESTIONNAIRES.map((questionnaire: Questionnaire): SeedCommand => ({ command: 'questionnaire:replace', input: { questionnaire } })),
      ...roomCommands(rooms),
      ...staffCommands(staff.map((s) => ({ ...s, pin: pins[s.id]! })), owner.id),
    ],
    () => anchor,
  );
  log(`  ${services.length} services, ${rooms.length} rooms, ${staff.length} staff`);

  // Clients.
  const firstDay = anchor - LARGE_SALON.years * 365 * DAY_MS;
  const clients: Client[] = [];
  const phones: string[] = [];
  for (let i = 0; i < clientCount; i++) {
    const zh = i % 3 === 0;
    const phone = largeSalonPhone(i);
    phones.push(phone);
    clients.push(
      build(ClientSchema, 'client', 'ClientSchema', {
        id: `c${pad(i + 1, 6)}`,
        firstName: zh ? rng.pick(ZH_FIRST) : rng.pick(EN_FIRST),
        lastName: zh ? rng.pick(ZH_LAST) : rng.pick(EN_LAST),
        phone,
        language: zh ? 'zh-CN' : 'en',
        // Earlier clients are the regulars (visits pick low indexes more often): they joined first.
        createdAt: firstDay + Math.floor((i / clientCount) * (anchor - firstDay - DAY_MS)),
        referredBy: null,
      }),
    );
  }
  state.clients = Object.fromEntries(clients.map((c) => [c.id, c]));
  log(`  ${clients.length} clients`);

  // Closed visits: every day of the five years, opening hours 09:00–19:00, tickets A001… per day.
  const beauticiansBySkill = new Map<string, string[]>();
  for (const s of staff) for (const skill of s.skills) beauticiansBySkill.set(skill, [...(beauticiansBySkill.get(skill) ?? []), s.id]);
  const roomsFor = new Map<string, string[]>();
  for (const s of services) roomsFor.set(s.id, rooms.filter((r) => s.equipment.every((e) => r.equipment.includes(e))).map((r) => r.id));
  const days = LARGE_SALON.years * 365;
  const links: Record<string, PublicLink> = {};
  const visits: Record<string, Visit> = {};
  const served = new Set<string>();
  let made = 0;
  for (let day = 0; day < days && made < visitCount; day++) {
    const remainingDays = days - day;
    const left = visitCount - made;
    const perDay = remainingDays === 1 ? left : Math.max(0, Math.min(left, Math.round(left / remainingDays + rng.int(-15, 15))));
    const dayStart = firstDay + day * DAY_MS + 9 * 60 * MIN;
    const times = Array.from({ length: perDay }, () => dayStart + Math.floor(rng.next() * 9.5 * 60) * MIN).sort((a, b) => a - b);
    times.forEach((checkedIn, n) => {
      const service = rng.pick(services);
      const client = clients[Math.floor(clients.length * rng.next() ** 2)]!;
      const staffId = rng.pick(beauticiansBySkill.get(service.requiredSkill) ?? ['mei']);
      const roomId = rng.pick(roomsFor.get(service.id) ?? ['room-1']);
      const queued = checkedIn + rng.int(0, 30) * 1000;
      const assigned = queued + rng.int(0, 25) * MIN;
      const accepted = assigned + rng.int(20, 120) * 1000;
      const confirmed = accepted + rng.int(2, 8) * MIN;
      const started = confirmed + rng.int(1, 4) * MIN;
      const duration = service.durationMin + rng.int(-5, 15);
      const closing = started + duration * MIN;
      const closed = closing + rng.int(2, 6) * MIN;
      const booked = rng.chance(0.6);
      const version = rng.chance(0.2) ? 2 : 1;
      const id = `v${pad(made + 1, 7)}`;
      const notes = rng.some(Object.keys(NOTE_TEXTS) as (keyof typeof NOTE_TEXTS)[], 2).map((kind, k) =>
        build(SessionNoteSchema, 'session note', 'SessionNoteSchema', { at: started + (k + 1) * 5 * MIN, staffId, kind, text: NOTE_TEXTS[kind] }),
      );
      visits[id] = build(VisitSchema, 'visit', 'VisitSchema', {
        id,
        ticket: `A${pad(n + 1, 3)}`,
        clientId: client.id,
        serviceId: service.id,
        kind: booked ? 'booked' : 'walk_in',
        state: 'closed',
        roomId,
        staffId,
        times: { checked_in: checkedIn, queued, assigned, plan_confirmed: confirmed, in_service: started, closing, closed },
        answers: answersFor(service.category, rng),
        rating: build(RatingSchema, 'rating', 'RatingSchema', {
          csat: rng.pick([5, 5, 5, 4, 4, 4, 3, 2, 1]),
          nps: rng.chance(0.7) ? rng.int(0, 10) : null,
          tags: rng.some(RATING_TAGS, 3),
          comment: rng.chance(0.3) ? rng.pick(COMMENTS) : '',
        }),
        incident: rng.chance(0.002),
        language: client.language,
        preferredStaffId: rng.chance(0.15) ? staffId : null,
        waitForPreferred: false,
        dueAt: booked ? checkedIn + rng.int(-10, 10) * MIN : null,
        queueRank: queued,
        plan: build(PlanSchema, 'plan', 'PlanSchema', {
          serviceIds: [service.id],
          products: rng.some(['calming serum', 'clay mask', 'vitamin C', 'aloe gel'], 2),
          intensity: rng.pick(['gentle', 'standard', 'standard', 'firm']),
          durationMin: Math.max(5, duration),
          notes: version === 2 ? 'Shorter session, client in a hurry' : '',
          version,
          editedBy: staffId,
          editedAt: accepted + MIN,
          approvedVersion: version,
          approvedAt: confirmed,
        }),
        notes,
        aftercare: build(AftercareNotesSchema, 'aftercare notes', 'AftercareNotesSchema', {
          notes: rng.chance(0.5) ? 'Avoid heat and strong sun for 24 hours.' : '',
          homeProducts: rng.some(HOME_PRODUCTS, 2),
        }),
        handBacks: [],
        acceptedAt: accepted,
        // Walk-ins of the large salon signed nothing at the kiosk.
        signature: null,
        // Consulted at the kiosk, nothing blocking, who they are never in doubt (the values a visit's absence of these
        // fields meant before data migration 9); returning from their second visit on.
        blocked: false,
        blockOverride: null,
        consultationInPerson: false,
        returningClient: served.has(client.id),
        inRoomConsultation: null,
        identityCheck: null,
        answersToReview: false,
        saysBooked: false,
      });
      served.add(client.id);
      // The aftercare QR of every closed visit (the hub keeps links after they expire).
      const tokenHash = createHash('sha256').update(rng.token(32)).digest('base64url');
      links[tokenHash] = build(PublicLinkSchema, 'aftercare link', 'PublicLinkSchema', {
        visitId: id,
        purpose: 'aftercare',
        createdAt: closed,
        expiresAt: closed + LINK_DAYS * DAY_MS,
        revokedAt: null,
      });
      made += 1;
    });
    if (day % 365 === 364) log(`  ${made} visits (year ${(day + 1) / 365})`);
  }
  state.visits = visits;
  state.links = links;

  log('  validating the whole state against HubStateSchema');
  const result = HubStateSchema.safeParse(state);
  if (!result.success) throw new SeedSchemaError('hub state', 'HubStateSchema', result.error, { meta: state.meta });

  const byRole = (role: StaffMember['role']) => staff.filter((s) => s.role === role).map((s) => s.id);
  return {
    state: result.data,
    info: {
      anchor,
      timeZone: LARGE_SALON_TIME_ZONE,
      pins,
      frontDesk: byRole('front_desk'),
      managers: byRole('manager'),
      beauticians: byRole('beautician'),
      phones,
    },
  };
}

/** The phone number of the large salon's i-th client (the bench checks returning clients in with these). */
export function largeSalonPhone(i: number): string {
  return i % 3 === 0 ? `139${pad(10_000_000 + i * 37, 8)}` : `07700${pad(100_000 + i * 41, 6)}`;
}

/** The PINs of the large salon's staff, without building it (the bench signs staff in with them). */
export function largeSalonPins(): Record<string, string> {
  const pins: Record<string, string> = {};
  for (const s of DEMO_STAFF) pins[s.id] = s.pin;
  for (const s of GENERATED_STAFF) pins[s.id] = s.pin;
  return pins;
}
