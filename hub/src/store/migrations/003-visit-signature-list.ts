import { updateRecords, type Migration } from './migration.ts';

/**
 * Visits checked in when a check-in carried one signature hold it as a single object: it becomes a list of one (the
 * shape since terms and health may both be signed). A visit without the field asked for none: null.
 */
export const visitSignatureList: Migration = {
  version: 3,
  name: "a visit's single signature becomes a list of one",
  up: (data) =>
    updateRecords(data, 'visits', (visit) => {
      const signature = visit['signature'];
      if (signature === undefined) return { ...visit, signature: null };
      if (signature === null || Array.isArray(signature)) return visit;
      return { ...visit, signature: [signature] };
    }),
};
