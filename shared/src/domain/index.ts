export * from './visit-machine.ts';
export * from './floor.ts';
export * from './assignment.ts';
export * from './wait-estimate.ts';
export * from './ticket.ts';
export * from './view-patch.ts';
