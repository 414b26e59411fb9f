import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar-date.ts';
import { freeText, IdSchema } from './common.schema.ts';
import { FollowUpRuleSchema, type FollowUpRule } from './follow-up.schema.ts';

/**
 * The salon's follow-up settings (#16): which rules run, on which day, by call (a task for staff) or by message (the
 * outbox), and the message or call wording in each language. Salon settings, not personal data: kept in meta, read
 * by the manager's settings screen only; the rules read them through `followUpSettingsOf` (hub).
 */

export const FollowUpChannelSchema = z.enum(['call', 'message']);
export type FollowUpChannel = z.infer<typeof FollowUpChannelSchema>;

/** A wording the salon writes: per language, with {placeholders} checked against the rule's (templates.ts). */
export const FollowUpWordingSchema = z.object({ en: freeText(1000), 'zh-CN': freeText(1000) });
export type FollowUpWording = z.infer<typeof FollowUpWordingSchema>;

/**
 * One rule as the salon runs it. `days` means, per rule: days after the session closes (day1/day3/day7,
 * first_visit_day3), after the sale (products), before the appointment (booking_eve), before the birthday
 * (birthday_card), days overdue past the client's own interval (win_back); birthday, holiday and seasonal fall on
 * their day (0).
 */
export const FollowUpRuleSettingsSchema = z.object({
  enabled: z.boolean(),
  channel: FollowUpChannelSchema,
  days: z.number().int().min(0).max(365),
  wording: FollowUpWordingSchema,
});
export type FollowUpRuleSettings = z.infer<typeof FollowUpRuleSettingsSchema>;

export const HOLIDAYS = ['new_year', 'spring_festival', 'mothers_day', 'mid_autumn'] as const;
export const HolidaySchema = z.enum(HOLIDAYS);
export type Holiday = z.infer<typeof HolidaySchema>;

/** A seasonal care message the salon writes, sent on a day of the year it picks (MM-DD). */
export const SeasonalMessageSchema = z.object({
  id: IdSchema,
  /** Month and day, MM-DD, that every year has (02-30 never comes; 02-29 would be skipped three years in four). */
  day: z
    .string()
    .max(5)
    .refine((day) => /^\d{2}-\d{2}$/.test(day) && isCalendarDate(`2001-${day}`), 'seasonal_day_format'),
  wording: FollowUpWordingSchema,
});
export type SeasonalMessage = z.infer<typeof SeasonalMessageSchema>;

/** How the salon classes its clients (#16): by visits, spend and days since the last visit against their interval. */
export const ClientClassRulesSchema = z.object({
  /** Closed visits up to which a client is still new (1: new until the second visit is closed). */
  newUpToVisits: z.number().int().min(1).max(20),
  /** Visits in the last 12 months from which a client is a regular. */
  regularVisitsPerYear: z.number().int().min(1).max(100),
  /** Visits in the last 12 months, or spend in the last 12 months (minor units; null: spend not used), for VIP. */
  vipVisitsPerYear: z.number().int().min(1).max(365),
  vipSpendPerYearMinor: z.number().int().min(0).nullable(),
  /** At risk once the days since the last visit pass this many times the client's own interval; lapsed past that. */
  atRiskFactor: z.number().min(1).max(10),
  lapsedFactor: z.number().min(1).max(20),
  /** The interval (days) when neither the client's history nor the service gives one. */
  defaultIntervalDays: z.number().int().min(7).max(365),
});
export type ClientClassRules = z.infer<typeof ClientClassRulesSchema>;

export const FollowUpSettingsSchema = z
  .object({
    rules: z.object(
      Object.fromEntries(FollowUpRuleSchema.options.map((r) => [r, FollowUpRuleSettingsSchema])) as Record<
        FollowUpRule,
        typeof FollowUpRuleSettingsSchema
      >,
    ),
    holidays: z.array(HolidaySchema).max(HOLIDAYS.length),
    seasonal: z.array(SeasonalMessageSchema).max(24),
    /** The salon's birthday offer, the {offer} of the birthday wording. */
    birthdayOffer: FollowUpWordingSchema,
    classes: ClientClassRulesSchema,
  })
  .refine((s) => s.classes.lapsedFactor > s.classes.atRiskFactor, { message: 'lapsed_after_at_risk', path: ['classes', 'lapsedFactor'] })
  .refine((s) => new Set(s.seasonal.map((m) => m.id)).size === s.seasonal.length, { message: 'seasonal_duplicate', path: ['seasonal'] });
export type FollowUpSettings = z.infer<typeof FollowUpSettingsSchema>;

const rule = (days: number, channel: 'call' | 'message', en: string, zh: string, enabled = true): FollowUpRuleSettings => ({
  enabled,
  channel,
  days,
  wording: { en, 'zh-CN': zh },
});

/**
 * The seeds' practice (000 §3–4, 003): 1-3-7 calls after a treatment, the first visit called on day 3, treatment
 * products on day 3 and brand products and supplements within a week, a reminder the day before, a birthday card
 * 3 days before and a message on the day, greetings on the four holidays. Win-back and seasonal messages start off
 * until the salon writes its own.
 */
export const DEFAULT_FOLLOW_UP_SETTINGS: FollowUpSettings = {
  rules: {
    day1: rule(1, 'call', 'Day 1: how does the skin feel, does {name} know how to use the products?', '第1天：皮肤感觉如何？{name}是否会使用产品？'),
    day3: rule(3, 'call', 'Day 3: is the home care method right? Correct it.', '第3天：护理方法是否正确？及时纠正。'),
    day7: rule(7, 'call', 'Day 7: results, next needs, book the next {service}, ask for a referral.', '第7天：了解效果与新需求，预约下次{service}，请客户介绍朋友。'),
    first_visit_day3: rule(3, 'call', 'First visit, day 3: how does the skin feel after the treatment?', '首次到店第3天：护理后皮肤感觉如何？'),
    product_treatment: rule(3, 'call', 'Day 3 after {product}: is it used every day, the right way?', '购买{product}第3天：是否每天按正确方法使用？'),
    product_brand: rule(7, 'call', 'Within a week of {product}: how does it feel, is the method right?', '购买{product}一周内：使用感觉如何，方法是否正确？'),
    product_supplement: rule(7, 'call', 'Within a week of {product}: taken on time? Encourage.', '购买{product}一周内：是否按时服用？给予鼓励。'),
    booking_eve: rule(
      1,
      'call',
      'Dear {name}, a reminder from {salon}: your {service} is on {date} at {time}. We look forward to seeing you.',
      '{name}您好，{salon}提醒您：您预约的{service}在{date} {time}。期待您的光临。',
    ),
    birthday_card: rule(3, 'call', 'Send {name} a birthday card for {date}.', '为{name}寄出生日卡（生日：{date}）。'),
    birthday: rule(
      0,
      'message',
      'Happy birthday, {name}! {salon} wishes you a wonderful year. {offer}',
      '{name}，祝您生日快乐！{salon}祝您新的一岁越来越美。{offer}',
    ),
    holiday: rule(0, 'message', 'Dear {name}, {salon} wishes you a happy {holiday}!', '{name}您好，{salon}祝您{holiday}快乐！'),
    seasonal: rule(0, 'message', 'Dear {name}, {text} — {salon}', '{name}您好，{text}——{salon}', false),
    win_back: rule(
      14,
      'call',
      'It has been a while since {name} last came ({date}). Ask how she is and offer a {service}.',
      '{name}上次到店是{date}，已有一段时间。关心近况，邀请预约{service}。',
      false,
    ),
  },
  holidays: [...HOLIDAYS],
  seasonal: [],
  birthdayOffer: {
    en: 'This month, one treatment of your choice at a special birthday price.',
    'zh-CN': '生日当月到店可享一次超值护理。',
  },
  classes: {
    newUpToVisits: 1,
    regularVisitsPerYear: 4,
    vipVisitsPerYear: 12,
    vipSpendPerYearMinor: null,
    atRiskFactor: 1.5,
    lapsedFactor: 3,
    defaultIntervalDays: 42,
  },
};
