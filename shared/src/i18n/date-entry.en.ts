/** English words of the date and time fields that follow the salon's locale (#13). Spread into en.ts. */
export const dateEntryEn = {
  'staff.dates.pick': 'Choose {field} from the calendar',
  'staff.dates.notADate': 'Not a date: type it as {pattern}.',
  'staff.dates.notATime': 'Not a time: type it as {pattern}.',
} as const;
