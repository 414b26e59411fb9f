export * from './salon-dates.ts';
