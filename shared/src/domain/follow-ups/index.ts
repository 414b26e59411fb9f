export * from './salon-dates.ts';
export * from './holidays.ts';
export * from './templates.ts';
export * from './client-class.ts';
export * from './follow-up-rules.ts';
export * from './follow-up-text.ts';
export * from './client-summary.ts';
