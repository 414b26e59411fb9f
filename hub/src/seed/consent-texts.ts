import type { ConsentSettings } from '@glow/shared';

/**
 * The consent texts a new salon starts with (version 1 of each). The salon rewords them in its settings; every
 * rewording is a new version, and each client's choice is kept with the version they were shown. They promise only
 * what the hub does: no "see or delete your data" until the privacy features exist, no text messages until Glow
 * sends any; declining the health consent does delete the stored answers (checkin.service).
 */
export const DEFAULT_CONSENT_TEXTS: ConsentSettings = {
  terms: {
    kind: 'terms',
    version: 1,
    required: true,
    signatureRequired: false,
    title: { en: 'Service terms', 'zh-CN': '服务条款' },
    purpose: {
      en: 'These terms explain how we look after you during your visit. Please read them before we start.',
      'zh-CN': '本条款说明我们在您到店期间如何为您服务。开始前请仔细阅读。',
    },
    body: {
      en: [
        'Before every treatment your beautician explains the plan, how long it takes and what you will feel, and starts only once you agree.',
        'Tell us at once if anything feels uncomfortable: we will stop or adjust the treatment.',
        'Results vary from person to person; we do not promise a particular result.',
        'If you are not satisfied, tell us within 7 days and we will look at it with you, free of charge where the service fell short.',
        'We keep your name, phone number and visit history to serve you and to contact you about your visits. Ask at the front desk about anything we hold about you.',
      ].join('\n'),
      'zh-CN': [
        '每次护理前，美容师会向您说明方案、所需时间和感受，经您同意后才开始。',
        '如有任何不适请立即告诉我们，我们会停止或调整护理。',
        '护理效果因人而异，我们不承诺特定效果。',
        '如您不满意，请在 7 天内告诉我们，我们会与您一起查看；如属服务问题将免费处理。',
        '我们会保存您的姓名、手机号码和到店记录，用于为您服务和就到店事宜联系您。如对我们保存的信息有任何疑问，请咨询前台。',
      ].join('\n'),
    },
    ifDeclined: {
      en: 'Without agreeing to the terms we cannot check you in here. Please ask at the front desk.',
      'zh-CN': '不同意服务条款将无法在此签到，请到前台咨询。',
    },
  },
  health: {
    kind: 'health',
    version: 1,
    required: false,
    signatureRequired: true,
    title: { en: 'Your health answers', 'zh-CN': '您的健康信息' },
    purpose: {
      en: 'We ask a few health questions (for example pregnancy, medication, allergies, recent sunburn) only to decide whether a treatment is safe for you and how to adapt it.',
      'zh-CN': '我们会询问几个健康问题（例如怀孕、用药、过敏、近期晒伤），仅用于判断护理对您是否安全以及如何调整。',
    },
    body: {
      en: [
        'Your answers are health information. We store them with your visit, only your beautician and the salon manager can read them, and we never use them for marketing.',
        'We keep your latest answers so that next time you can simply confirm that nothing has changed; your beautician then goes through them with you in the room.',
        'If you decline this consent at a later visit, we delete your stored answers.',
      ].join('\n'),
      'zh-CN': [
        '您的回答属于健康信息。我们将其与到店记录一同保存，只有您的美容师和店长可以查看，绝不用于营销。',
        '我们会保留您最近一次的回答，下次您只需确认没有变化，美容师会在护理室与您一起核对。',
        '如您之后到店时不同意此项，我们将删除已保存的回答。',
      ].join('\n'),
    },
    ifDeclined: {
      en: 'That is fine: your beautician will ask you these questions in person before the treatment. No answers are stored, and any we stored before are deleted.',
      'zh-CN': '没关系：美容师会在护理前当面询问这些问题。不会保存任何回答，之前保存的回答也会被删除。',
    },
  },
  marketing: {
    kind: 'marketing',
    version: 1,
    required: false,
    signatureRequired: false,
    title: { en: 'News and offers (optional)', 'zh-CN': '新闻与优惠（可选）' },
    purpose: {
      en: 'Would you like to hear from us about offers, new treatments and your birthday gift?',
      'zh-CN': '您是否愿意接收我们的优惠、新项目和生日礼遇信息？',
    },
    body: {
      en: 'We note your choice with your details and tell you about offers when you visit. We send no text messages. You can change your choice at the front desk at any time.',
      'zh-CN': '我们会将您的选择与您的资料一同记录，并在您到店时向您介绍优惠。我们不会发送短信。您可随时到前台更改选择。',
    },
    ifDeclined: {
      en: 'No problem: we will only contact you about your own visits.',
      'zh-CN': '没问题：我们只会就您本人的到店事宜联系您。',
    },
  },
};
