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

type Rule = Questionnaire['questions'][number]['rules'][number];
type QuestionSpec = Partial<Questionnaire['questions'][number]> & Pick<Questionnaire['questions'][number], 'id' | 'kind'>;
const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const rule = (when: Rule['when'], effect: 'warn' | 'block', en: string, zh: string): Rule => ({ when, effect, flag: text(en, zh) });
const question = (q: QuestionSpec & { label: { en: string; 'zh-CN': string } }): Questionnaire['questions'][number] => ({
  required: true,
  options: [],
  rules: [],
  ...q,
});

const yesNo = (id: string, en: string, zh: string, r?: { effect: 'warn' | 'block'; en: string; zh: string }) =>
  question({ id, kind: 'yes_no', label: text(en, zh), rules: r ? [rule(true, r.effect, r.en, r.zh)] : [] });

/** "When was it?" follow-up, shown only after a yes (or one of the given answers) to the question before. */
const when = (id: string, after: string, anyOf: (string | boolean)[], en: string, zh: string, rules: Rule[]) =>
  question({ id, kind: 'date', label: text(en, zh), showIf: { questionId: after, anyOf }, rules });

const SIX_MONTHS = 183;

/**
 * A demo consultation per category; the salon edits these as data (`questionnaire:replace`). The ids and kinds of
 * the first questions of each are the ones the benchmarks and older tests answer.
 */
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
      // The date decides: the skin stays fragile for about six months after the last dose.
      yesNo('isotretinoin', 'Have you taken isotretinoin (e.g. Roaccutane) in the past year?', '过去一年内是否服用过异维A酸（如泰尔丝）？'),
      when('isotretinoin_last', 'isotretinoin', [true], 'When did you take the last dose?', '最后一次服用是什么时候？', [
        rule({ withinDays: SIX_MONTHS }, 'block', 'Isotretinoin in the last 6 months', '6 个月内服用异维A酸'),
        rule({ olderThanDays: SIX_MONTHS }, 'warn', 'Isotretinoin 6–12 months ago: gentle products only', '6–12 个月前服用异维A酸：仅用温和产品'),
      ]),
      yesNo('sunburn', 'Do you have sunburn on your face right now?', '您的面部目前是否有晒伤？', {
        effect: 'block',
        en: 'Recent sunburn',
        zh: '近期晒伤',
      }),
      yesNo('skin_allergy', 'Are you allergic to any skincare ingredient?', '您是否对任何护肤成分过敏？'),
      question({
        id: 'allergens',
        kind: 'multiple',
        label: text('Which ones?', '对哪些成分过敏？'),
        showIf: { questionId: 'skin_allergy', anyOf: [true] },
        options: [
          { value: 'fragrance', label: text('Fragrance', '香精') },
          { value: 'salicylic_acid', label: text('Salicylic acid', '水杨酸') },
          { value: 'glycolic_acid', label: text('Glycolic acid (AHA)', '果酸（甘醇酸）') },
          { value: 'lanolin', label: text('Lanolin', '羊毛脂') },
          { value: 'other', label: text('Something else', '其他') },
        ],
        rules: [
          rule('fragrance', 'warn', 'Fragrance allergy: fragrance-free products only', '香精过敏：仅用无香产品'),
          rule('salicylic_acid', 'block', 'Salicylic acid allergy: the classic peel step contains it', '水杨酸过敏：经典焕肤步骤含此成分'),
          rule('glycolic_acid', 'block', 'Glycolic acid allergy: no AHA peel', '果酸过敏：不可做果酸焕肤'),
          rule('lanolin', 'warn', 'Lanolin allergy: check the moisturiser', '羊毛脂过敏：注意保湿产品成分'),
          rule('other', 'warn', 'Other skincare allergy: ask the client', '其他护肤成分过敏：请询问客人'),
        ],
      }),
      question({
        id: 'allergy_other',
        kind: 'text',
        label: text('What else are you allergic to?', '您还对什么过敏？'),
        showIf: { questionId: 'allergens', anyOf: ['other'] },
        maxLength: 300,
      }),
      question({
        id: 'concerns',
        kind: 'multiple',
        label: text('What would you like us to focus on?', '您希望重点改善哪些问题？'),
        required: false,
        options: [
          { value: 'dryness', label: text('Dryness', '干燥') },
          { value: 'acne', label: text('Breakouts', '痘痘') },
          { value: 'sensitivity', label: text('Sensitivity', '敏感') },
          { value: 'dullness', label: text('Dullness', '暗沉') },
        ],
      }),
      question({
        id: 'skin_feel',
        kind: 'scale',
        label: text('How has your skin felt lately? (1 irritated – 5 comfortable)', '最近皮肤感觉如何？（1 不适 – 5 舒适）'),
        required: false,
        min: 1,
        max: 5,
      }),
      question({
        id: 'notes',
        kind: 'text',
        label: text('Anything else your beautician should know?', '还有什么需要美容师了解的吗？'),
        required: false,
        maxLength: 500,
      }),
    ],
  },
  {
    id: 'q-body',
    category: 'body',
    version: 1,
    questions: [
      yesNo('pregnant', 'Are you pregnant?', '您是否怀孕？', { effect: 'block', en: 'Pregnant', zh: '怀孕' }),
      question({
        id: 'pressure',
        kind: 'scale',
        label: text('Preferred pressure (1 gentle – 5 firm)', '偏好的力度（1 轻柔 – 5 有力）'),
        min: 1,
        max: 5,
      }),
      question({
        id: 'injury',
        kind: 'yes_no',
        label: text('Have you had surgery or an injury on your back or shoulders?', '您的肩背部是否做过手术或受过伤？'),
        required: false,
      }),
      when('injury_date', 'injury', [true], 'When was it?', '是什么时候？', [
        rule({ withinDays: 90 }, 'block', 'Surgery or injury in the last 3 months', '3 个月内手术或受伤'),
        rule({ olderThanDays: 90 }, 'warn', 'Earlier surgery or injury: avoid the area if tender', '既往手术或受伤：如有压痛请避开该部位'),
      ]),
      yesNo('oil_allergy', 'Are you allergic to nuts or any massage oil?', '您是否对坚果或按摩油过敏？', {
        effect: 'warn',
        en: 'Nut or oil allergy: use the hypoallergenic oil',
        zh: '坚果或精油过敏：使用低敏按摩油',
      }),
    ],
  },
  {
    id: 'q-hair-colour',
    category: 'hair_colour',
    version: 1,
    questions: [
      yesNo('allergy', 'Have you ever reacted to hair dye (itching, swelling, rash)?', '您是否曾对染发剂过敏（瘙痒、肿胀、皮疹）？', {
        effect: 'block',
        en: 'Previous reaction to hair dye',
        zh: '曾对染发剂过敏',
      }),
      question({
        id: 'patch_test',
        kind: 'single',
        label: text('Have you had a patch test with us for this colour?', '您是否在本店做过此染发剂的皮肤测试？'),
        options: [
          { value: 'passed', label: text('Yes, no reaction', '做过，无反应') },
          { value: 'failed', label: text('Yes, it reacted', '做过，有反应') },
          { value: 'none', label: text('No', '没有') },
        ],
        rules: [
          rule('failed', 'block', 'Failed patch test', '皮肤测试未通过'),
          rule('none', 'block', 'No patch test', '未做皮肤测试'),
        ],
      }),
      when('patch_test_date', 'patch_test', ['passed'], 'When was the patch test?', '皮肤测试是什么时候做的？', [
        rule({ withinDays: 1 }, 'warn', 'Patch test less than 48 hours ago: check the skin first', '皮肤测试不足 48 小时：先检查皮肤'),
        rule({ olderThanDays: SIX_MONTHS }, 'block', 'Patch test older than 6 months', '皮肤测试已超过 6 个月'),
      ]),
      yesNo('scalp', 'Is your scalp sore, broken or sunburnt today?', '您今天的头皮是否有疼痛、破损或晒伤？', {
        effect: 'block',
        en: 'Sore or broken scalp',
        zh: '头皮疼痛或破损',
      }),
      question({
        id: 'pregnant',
        kind: 'yes_no',
        label: text('Are you pregnant?', '您是否怀孕？'),
        required: false,
        rules: [rule(true, 'warn', 'Pregnant: ventilate well, offer a break', '怀孕：保持通风，可中途休息')],
      }),
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
      yesNo('acrylate_allergy', 'Have you ever reacted to gel or acrylic nail products?', '您是否曾对凝胶或丙烯酸美甲产品过敏？', {
        effect: 'block',
        en: 'Reaction to gel or acrylic products',
        zh: '对凝胶或丙烯酸产品过敏',
      }),
      question({
        id: 'shape',
        kind: 'single',
        label: text('Which nail shape would you like?', '您想要什么甲型？'),
        required: false,
        options: [
          { value: 'round', label: text('Round', '圆形') },
          { value: 'oval', label: text('Oval', '椭圆形') },
          { value: 'square', label: text('Square', '方形') },
          { value: 'almond', label: text('Almond', '杏仁形') },
        ],
      }),
    ],
  },
];
