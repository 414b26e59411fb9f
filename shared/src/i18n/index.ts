export * from './en.ts';
export * from './zh-CN.ts';
export * from './translate.ts';
export * from './describe-issues.ts';
