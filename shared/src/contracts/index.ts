export * from './errors.ts';
export * from './protocol.ts';
export * from './views.ts';
export * from './commands.ts';
export * from './handshake.ts';
export * from './http.ts';
export * from './complaints.ts';
export * from './bookings.ts';
