export * from './salon-format.ts';
