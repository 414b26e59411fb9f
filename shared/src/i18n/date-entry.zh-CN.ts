import type { dateEntryEn } from './date-entry.en.ts';

/** 按本店地区格式输入日期和时间的字段（#13）。 */
export const dateEntryZhCN: Record<keyof typeof dateEntryEn, string> = {
  'staff.dates.pick': '从日历中选择{field}',
  'staff.dates.notADate': '不是有效日期：请按 {pattern} 输入。',
  'staff.dates.notATime': '不是有效时间：请按 {pattern} 输入。',
};
