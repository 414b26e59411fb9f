import type { Language, LocalizedText } from '../../schemas/common.schema.ts';
import type { FollowUpSettings, Holiday } from '../../schemas/follow-up-settings.schema.ts';
import type { FollowUpDue } from './follow-up-rules.ts';
import { readableDate } from './salon-dates.ts';
import { renderTemplate } from './templates.ts';

/** The holidays' names as the messages and the settings screen write them. */
export const HOLIDAY_NAMES: Readonly<Record<Holiday, LocalizedText>> = {
  new_year: { en: 'New Year', 'zh-CN': '元旦' },
  spring_festival: { en: 'Spring Festival', 'zh-CN': '春节' },
  mothers_day: { en: "Mother's Day", 'zh-CN': '母亲节' },
  mid_autumn: { en: 'Mid-Autumn Festival', 'zh-CN': '中秋节' },
};

/** What the hub knows of the names a wording may use. */
export type FollowUpTextContext = {
  clientName: string;
  salonName: string;
  serviceName: LocalizedText | null;
  productName: LocalizedText | null;
  /** The appointment's time, HH:mm in the salon's zone (booking_eve). */
  time: string | null;
};

/** A subject line per rule, for e-mail (the body is the salon's wording). */
const SUBJECTS: Record<'reminder' | 'birthday' | 'holiday' | 'care' | 'followUp' | 'missYou', LocalizedText> = {
  reminder: { en: 'Your appointment at {salon}', 'zh-CN': '{salon}预约提醒' },
  birthday: { en: 'Happy birthday from {salon}', 'zh-CN': '{salon}祝您生日快乐' },
  holiday: { en: 'Season’s greetings from {salon}', 'zh-CN': '{salon}节日祝福' },
  care: { en: 'Skin care tips from {salon}', 'zh-CN': '{salon}护肤小贴士' },
  followUp: { en: 'How are you after your visit to {salon}?', 'zh-CN': '{salon}护理回访' },
  missYou: { en: 'We miss you at {salon}', 'zh-CN': '{salon}想念您' },
};

function subjectKind(due: FollowUpDue): keyof typeof SUBJECTS {
  switch (due.rule) {
    case 'booking_eve':
      return 'reminder';
    case 'birthday':
    case 'birthday_card':
      return 'birthday';
    case 'holiday':
      return 'holiday';
    case 'seasonal':
      return 'care';
    case 'win_back':
      return 'missYou';
    default:
      return 'followUp';
  }
}

/**
 * The text of a follow-up in the client's language: the salon's wording with its placeholders filled ({offer} and a
 * seasonal message's {text} are themselves the salon's wordings, filled first). Also the call task's line for staff.
 */
export function followUpText(
  due: FollowUpDue,
  settings: FollowUpSettings,
  context: FollowUpTextContext,
  language: Language,
): { subject: string; body: string } {
  const basic = { name: context.clientName, salon: context.salonName };
  const values: Record<string, string> = {
    ...basic,
    date: readableDate(due.date, language),
    service: context.serviceName?.[language] ?? '',
    product: context.productName?.[language] ?? '',
    time: context.time ?? '',
    holiday: due.holiday ? HOLIDAY_NAMES[due.holiday][language] : '',
    offer: renderTemplate(settings.birthdayOffer[language], basic),
    text: '',
  };
  if (due.seasonalId) {
    const seasonal = settings.seasonal.find((m) => m.id === due.seasonalId);
    values['text'] = seasonal ? renderTemplate(seasonal.wording[language], { ...basic, date: values['date']! }) : '';
  }
  return {
    subject: renderTemplate(SUBJECTS[subjectKind(due)][language], basic),
    body: renderTemplate(settings.rules[due.rule].wording[language], values).trim(),
  };
}
