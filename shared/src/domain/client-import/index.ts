export * from './import-rows.ts';
