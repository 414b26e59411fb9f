import { updateRecords, type Migration } from './migration.ts';

/**
 * Before kiosks were paired devices, every paired device and every pairing code was for a staff tablet, and the
 * records had no `kind`. They get `kind: 'tablet'`.
 */
export const deviceKind: Migration = {
  version: 1,
  name: 'devices and pairing codes get their kind (tablet)',
  up: (data) => {
    const withKind = (record: Readonly<Record<string, unknown>>) => ('kind' in record ? record : { ...record, kind: 'tablet' });
    return updateRecords(updateRecords(data, 'devices', withKind), 'pairingCodes', withKind);
  },
};
