export * from './salon-format.ts';
export * from './date-entry.ts';
