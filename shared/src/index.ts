export * from './schemas/index.ts';
export * from './contracts/index.ts';
export * from './domain/index.ts';
export * from './i18n/index.ts';
export * from './client/index.ts';
export * from './format/index.ts';
