// The check-in decision, step by step (the hub's services/checkin.service.ts runs them in order for the kiosk and
// for the front desk): who, what for, consents, consultation, records.
export * from './check-in-who.ts';
export * from './check-in-booking.ts';
export * from './check-in-consents.ts';
export * from './check-in-answers.ts';
export * from './check-in-records.ts';
