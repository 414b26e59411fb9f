import type { Questionnaire, Room, Service, StaffMember, WeeklyShifts } from '@glow/shared';

/** The demo salon's services, with aftercare written the way the salon's own process asks (domain README §3). */
export const DEMO_SERVICES: Service[] = [
  {
    id: 'facial-classic',
    category: 'facial',
    name: { en: 'Classic facial', 'zh-CN': '经典面部护理' },
    durationMin: 60,
    requiredSkill: 'facial',
    equipment: ['facial_bed'],
    aftercare: {
      en: 'Your skin may look slightly pink for a few hours; this is normal.\nFor the next 24 hours avoid make-up, saunas, swimming and strong sun. Use a gentle cleanser and the moisturiser we recommended, morning and evening.\nDrink plenty of water and rest well tonight.\nIf you notice itching, swelling or a rash that does not settle within a day, contact us.',
      'zh-CN': '几小时内皮肤可能略微发红，这是正常现象。\n24 小时内请避免化妆、桑拿、游泳和强烈日晒。早晚使用温和洁面和我们推荐的保湿产品。\n多喝水，今晚好好休息。\n如出现瘙痒、肿胀或皮疹且一天内未消退，请联系我们。',
    },
  },
  {
    id: 'facial-hydrating',
    category: 'facial',
    name: { en: 'Hydrating facial', 'zh-CN': '深层补水护理' },
    durationMin: 45,
    requiredSkill: 'facial',
    equipment: ['facial_bed'],
    aftercare: {
      en: 'Keep your skin hydrated: apply the hydrating serum twice a day for the next week.\nAvoid exfoliating products for 3 days.\nUse sunscreen (SPF 30 or higher) every day.\nContact us if your skin feels hot or tight for more than a day.',
      'zh-CN': '保持皮肤水润：接下来一周每天早晚使用补水精华。\n3 天内避免使用去角质产品。\n每天使用防晒霜（SPF 30 或以上）。\n如皮肤发热或紧绷超过一天，请联系我们。',
    },
  },
  {
    id: 'body-massage',
    category: 'body',
    name: { en: 'Back and shoulder massage', 'zh-CN': '肩背按摩' },
    durationMin: 50,
    requiredSkill: 'body',
    equipment: ['massage_table'],
    aftercare: {
      en: 'Drink plenty of warm water today and avoid cold drinks.\nSome tenderness the next day is normal and should fade within 48 hours.\nAvoid a hot bath or sauna tonight; a warm shower is fine.',
      'zh-CN': '今天请多喝温水，避免冷饮。\n第二天有些酸痛是正常的，48 小时内会消退。\n今晚避免泡热水澡或桑拿，温水淋浴即可。',
    },
  },
  {
    id: 'hair-root-colour',
    category: 'hair_colour',
    name: { en: 'Root colour', 'zh-CN': '发根补染' },
    durationMin: 90,
    requiredSkill: 'hair_colour',
    equipment: ['colour_station'],
    aftercare: {
      en: 'Wait 48 hours before washing your hair, then use a colour-safe shampoo with lukewarm water.\nProtect your hair from strong sun and chlorine.\nIf your scalp itches, burns or swells, rinse with cool water and contact us at once.',
      'zh-CN': '48 小时后再洗头，之后使用护色洗发水并用温水清洗。\n避免强烈日晒和泳池氯水。\n如头皮出现瘙痒、灼热或肿胀，请立即用凉水冲洗并联系我们。',
    },
  },
  {
    id: 'nails-gel',
    category: 'nails',
    name: { en: 'Gel manicure', 'zh-CN': '凝胶美甲' },
    durationMin: 45,
    requiredSkill: 'nails',
    equipment: ['nail_station'],
    aftercare: {
      en: 'Apply cuticle oil every evening.\nWear gloves for cleaning and washing up.\nDo not peel the gel off: come back and we will remove it safely.',
      'zh-CN': '每晚涂抹指缘油。\n做清洁和洗碗时请戴手套。\n请勿自行撕除甲油胶，回店我们为您安全卸除。',
    },
  },
];

export const DEMO_ROOMS: Room[] = [
  { id: 'room-1', name: 'Room 1', equipment: ['facial_bed'], state: 'free', visitId: null, cleaningBufferMin: 10, cleaningUntil: null },
  { id: 'room-2', name: 'Room 2', equipment: ['facial_bed', 'steamer'], state: 'free', visitId: null, cleaningBufferMin: 10, cleaningUntil: null },
  { id: 'room-3', name: 'Room 3', equipment: ['massage_table'], state: 'free', visitId: null, cleaningBufferMin: 15, cleaningUntil: null },
  { id: 'colour-bar', name: 'Colour bar', equipment: ['colour_station'], state: 'free', visitId: null, cleaningBufferMin: 10, cleaningUntil: null },
  { id: 'nail-bar', name: 'Nail bar', equipment: ['nail_station'], state: 'free', visitId: null, cleaningBufferMin: 5, cleaningUntil: null },
];

/** The same working day every day of the week, so that the demo works whatever day it is tried on. */
const everyDay = (start: string, end: string, lunch: { start: string; end: string }): WeeklyShifts =>
  Array.from({ length: 7 }, () => ({ start, end, breaks: [lunch] }));

/**
 * The demo salon works around the clock (00:00–00:00 is a whole day, and back-to-back days join up), so that the
 * demo assigns clients whatever hour someone tries it; lunch breaks are staggered so the floor is never empty.
 * A real salon enters its own hours.
 */
const DAY = everyDay('00:00', '00:00', { start: '12:30', end: '13:15' });
const EARLY_LUNCH = everyDay('00:00', '00:00', { start: '11:45', end: '12:30' });

/**
 * Demo staff and their PINs (README lists them). The planner offers a client to the least versatile beautician and
 * room first, so the first facial of the day goes to Mei in Room 1, as the README's walk-through says.
 */
export const DEMO_STAFF: (StaffMember & { pin: string })[] = [
  { id: 'mei', name: 'Mei Lin', role: 'beautician', skills: ['facial', 'body'], active: true, weeklyShifts: DAY, pin: '1111' },
  { id: 'anna', name: 'Anna Park', role: 'beautician', skills: ['facial', 'nails', 'body'], active: true, weeklyShifts: EARLY_LUNCH, pin: '2222' },
  { id: 'sofia', name: 'Sofia Rossi', role: 'beautician', skills: ['hair_colour', 'nails'], active: true, weeklyShifts: DAY, pin: '3333' },
  { id: 'grace', name: 'Grace Chen', role: 'front_desk', skills: [], active: true, weeklyShifts: EARLY_LUNCH, pin: '4444' },
  { id: 'olivia', name: 'Olivia Wang', role: 'manager', skills: [], active: true, weeklyShifts: DAY, pin: '9999' },
];

const yesNo = (id: string, en: string, zh: string, rule?: { effect: 'warn' | 'block'; en: string; zh: string }) => ({
  id,
  kind: 'yes_no' as const,
  label: { en, 'zh-CN': zh },
  required: true,
  options: [],
  rules: rule ? [{ when: true, effect: rule.effect, flag: { en: rule.en, 'zh-CN': rule.zh } }] : [],
});

/** A demo consultation per category; the salon edits these as data. */
export const DEMO_QUESTIONNAIRES: Questionnaire[] = [
  {
    id: 'q-facial',
    category: 'facial',
    version: 1,
    questions: [
      yesNo('pregnant', 'Are you pregnant or breastfeeding?', '您是否怀孕或在哺乳期？', {
        effect: 'warn',
        en: 'Pregnant or breastfeeding',
        zh: '怀孕或哺乳期',
      }),
      yesNo('isotretinoin', 'Have you taken isotretinoin (e.g. Roaccutane) in the last 6 months?', '过去 6 个月内是否服用过异维A酸（如泰尔丝）？', {
        effect: 'block',
        en: 'Isotretinoin in the last 6 months',
        zh: '6 个月内服用异维A酸',
      }),
      yesNo('sunburn', 'Do you have sunburn on your face right now?', '您的面部目前是否有晒伤？', {
        effect: 'block',
        en: 'Recent sunburn',
        zh: '近期晒伤',
      }),
      {
        id: 'concerns',
        kind: 'multiple',
        label: { en: 'What would you like us to focus on?', 'zh-CN': '您希望重点改善哪些问题？' },
        required: false,
        options: [
          { value: 'dryness', label: { en: 'Dryness', 'zh-CN': '干燥' } },
          { value: 'acne', label: { en: 'Breakouts', 'zh-CN': '痘痘' } },
          { value: 'sensitivity', label: { en: 'Sensitivity', 'zh-CN': '敏感' } },
          { value: 'dullness', label: { en: 'Dullness', 'zh-CN': '暗沉' } },
        ],
        rules: [],
      },
    ],
  },
  {
    id: 'q-body',
    category: 'body',
    version: 1,
    questions: [
      yesNo('pregnant', 'Are you pregnant?', '您是否怀孕？', { effect: 'block', en: 'Pregnant', zh: '怀孕' }),
      {
        id: 'pressure',
        kind: 'scale',
        label: { en: 'Preferred pressure (1 gentle – 5 firm)', 'zh-CN': '偏好的力度（1 轻柔 – 5 有力）' },
        required: true,
        options: [],
        min: 1,
        max: 5,
        rules: [],
      },
    ],
  },
  {
    id: 'q-hair-colour',
    category: 'hair_colour',
    version: 1,
    questions: [
      yesNo('allergy', 'Have you ever reacted to hair dye?', '您是否曾对染发剂过敏？', {
        effect: 'block',
        en: 'Previous reaction to hair dye',
        zh: '曾对染发剂过敏',
      }),
      {
        id: 'patch_test',
        kind: 'single',
        label: { en: 'Patch test in the last 48 hours–6 months?', 'zh-CN': '近期（48 小时至 6 个月内）是否做过皮肤测试？' },
        required: true,
        options: [
          { value: 'passed', label: { en: 'Yes, no reaction', 'zh-CN': '做过，无反应' } },
          { value: 'failed', label: { en: 'Yes, it reacted', 'zh-CN': '做过，有反应' } },
          { value: 'none', label: { en: 'No', 'zh-CN': '没有' } },
        ],
        rules: [
          { when: 'failed', effect: 'block', flag: { en: 'Failed patch test', 'zh-CN': '皮肤测试未通过' } },
          { when: 'none', effect: 'block', flag: { en: 'No patch test', 'zh-CN': '未做皮肤测试' } },
        ],
      },
    ],
  },
  {
    id: 'q-nails',
    category: 'nails',
    version: 1,
    questions: [
      yesNo('nail_infection', 'Do you have a nail or skin infection on your hands?', '您的手部是否有指甲或皮肤感染？', {
        effect: 'block',
        en: 'Nail or skin infection',
        zh: '指甲或皮肤感染',
      }),
    ],
  },
];
