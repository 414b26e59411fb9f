export * from './command-id.ts';
export * from './socket-like.ts';
export * from './live-view.ts';
export * from './outbox.ts';
export * from './browser-zod.ts';
