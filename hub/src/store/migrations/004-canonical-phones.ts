import { canonicalPhone, DEFAULT_PHONE_COUNTRY } from '@glow/shared';
import { updateRecords, type Migration } from './migration.ts';

/**
 * Clients stored before numbers were kept in one canonical form (#14) hold them as typed, digits with an optional +
 * ("13800138000", "+8613800138000"), so one person could be two clients. Each becomes its E.164 form, read with the
 * default country: no salon had chosen another before this version. A number that does not parse is kept as it was
 * (nothing is lost; it just matches nothing a kiosk sends). Two clients whose numbers become the same keep their own
 * records; the earliest owns the number (ClientIndex), as if the later one had registered with it at the kiosk.
 */
export const canonicalPhones: Migration = {
  version: 4,
  name: "clients' phone numbers in one canonical form (E.164)",
  up: (data) =>
    updateRecords(data, 'clients', (client) => {
      const phone = client['phone'];
      if (typeof phone !== 'string') return client;
      const canonical = canonicalPhone(phone, DEFAULT_PHONE_COUNTRY);
      return canonical.ok && canonical.phone !== phone ? { ...client, phone: canonical.phone } : client;
    }),
};
