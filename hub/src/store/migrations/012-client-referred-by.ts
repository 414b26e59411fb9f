import { updateRecords, type Migration } from './migration.ts';

/**
 * Every client names who referred her (#16, `referredBy`): the clients stored before the field existed had nobody
 * recorded, so they get null, what a new client starts with.
 */
export const clientReferredBy: Migration = {
  version: 12,
  name: 'clients name who referred them (null: nobody recorded)',
  up: (data) => updateRecords(data, 'clients', (client) => ('referredBy' in client ? client : { ...client, referredBy: null })),
};
