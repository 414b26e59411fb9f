export * from './salon-format.ts';
export * from './date-entry.ts';
export * from './person-name.ts';
