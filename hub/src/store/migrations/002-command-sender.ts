import { updateRecords, type Migration } from './migration.ts';

/**
 * Command records written before senders were recorded belong to nobody: `sender: ''`, which no sender matches, so
 * a retry of one is refused (and the record is dropped a day after it was written, like every record).
 */
export const commandSender: Migration = {
  version: 2,
  name: 'command records without a sender belong to nobody',
  up: (data) => updateRecords(data, 'commands', (record) => ('sender' in record ? record : { ...record, sender: '' })),
};
