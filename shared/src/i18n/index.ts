export * from './en.ts';
export * from './zh-CN.ts';
export * from './translate.ts';
export { createMessageFormatter } from './message-formatter.ts';
export * from './describe-issues.ts';
export * from './opening-hours.ts';
export * from './follow-up-script.ts';
