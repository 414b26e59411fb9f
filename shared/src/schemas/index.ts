export * from './common.schema.ts';
export * from './client.schema.ts';
export * from './room.schema.ts';
export * from './staff.schema.ts';
export * from './service.schema.ts';
export * from './questionnaire.schema.ts';
export * from './rating.schema.ts';
export * from './visit.schema.ts';
