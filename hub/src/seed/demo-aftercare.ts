import { DEFAULT_AFTERCARE_SETTINGS, type AftercareGuide, type AftercareSettings, type Service } from '@glow/shared';

/** The demo salon's contact and aftercare settings, printed on every aftercare sheet. */
export const DEMO_AFTERCARE_SETTINGS: AftercareSettings = {
  ...DEFAULT_AFTERCARE_SETTINGS,
  contact: {
    phone: '+44 20 7946 0958',
    address: { en: '12 Rose Street, London WC2E 9EP', 'zh-CN': '伦敦玫瑰街 12 号（WC2E 9EP）' },
  },
};

/** The structured parts of each demo service's aftercare template (the salon edits them in both languages). */
const DEMO_GUIDES: Record<string, AftercareGuide> = {
  'facial-classic': {
    normal: {
      en: 'Slight redness or warmth for a few hours. Skin that feels a little tight the first evening.',
      'zh-CN': '几小时内轻微发红或发热。当晚皮肤略感紧绷。',
    },
    notNormal: {
      en: 'Itching, swelling, a rash or small blisters, or redness that lasts more than a day.',
      'zh-CN': '瘙痒、肿胀、皮疹或小水泡，或发红超过一天。',
    },
    whenToCall: {
      en: 'Call us at once if your skin swells or blisters, or if your eyes are affected.',
      'zh-CN': '如皮肤肿胀、起泡或眼睛受到影响，请立即致电我们。',
    },
    nextTreatmentWeeks: 4,
  },
  'facial-hydrating': {
    normal: { en: 'A fresh, plump feeling; mild pinkness for an hour or two.', 'zh-CN': '皮肤清爽饱满；一两个小时内轻微泛红。' },
    notNormal: { en: 'Skin that feels hot, stings or stays tight for more than a day.', 'zh-CN': '皮肤发热、刺痛或紧绷超过一天。' },
    whenToCall: { en: 'Call us if you see a rash or swelling.', 'zh-CN': '如出现皮疹或肿胀，请致电我们。' },
    nextTreatmentWeeks: 3,
  },
  'body-massage': {
    normal: { en: 'Some tenderness or tiredness the next day, fading within 48 hours.', 'zh-CN': '第二天有些酸痛或疲倦，48 小时内消退。' },
    notNormal: { en: 'Bruising, sharp pain, numbness or tingling.', 'zh-CN': '淤青、剧痛、麻木或刺痛感。' },
    whenToCall: { en: 'Call us if the pain gets worse instead of better.', 'zh-CN': '如疼痛加重而非减轻，请致电我们。' },
    nextTreatmentWeeks: 2,
  },
  'hair-root-colour': {
    normal: { en: 'A little colour on the skin along the hairline for a day or two.', 'zh-CN': '发际线皮肤上留有少许染色，一两天后消退。' },
    notNormal: { en: 'An itchy, burning or swollen scalp, or a rash on the face or neck.', 'zh-CN': '头皮瘙痒、灼热或肿胀，或面部、颈部出现皮疹。' },
    whenToCall: {
      en: 'Rinse with cool water and call us at once; if your face or throat swells, get medical help first.',
      'zh-CN': '请用凉水冲洗并立即致电我们；如面部或喉咙肿胀，请先就医。',
    },
    nextTreatmentWeeks: 6,
  },
  'nails-gel': {
    normal: { en: 'Nails that feel a little stiff for the first day.', 'zh-CN': '第一天指甲略感僵硬。' },
    notNormal: { en: 'Redness, swelling or pain around a nail, or gel that lifts within a week.', 'zh-CN': '指甲周围红肿疼痛，或一周内甲油胶翘起。' },
    whenToCall: { en: 'Call us if a nail lifts or hurts: we fix it for free within 7 days.', 'zh-CN': '如指甲翘起或疼痛请致电我们：7 天内免费修补。' },
    nextTreatmentWeeks: 3,
  },
};

/** A demo service with its structured aftercare, when the demo has one for it. */
export const withDemoGuide = (service: Service): Service =>
  DEMO_GUIDES[service.id] ? { ...service, aftercareGuide: DEMO_GUIDES[service.id] } : service;
