/**
 * English messages of who a kiosk client is (#10 findings 1 and 2): what the desk sees of a check-in the kiosk could
 * not prove beyond a phone number, and its two ways to settle it in person. Spread into en.ts so the catalogue stays one.
 */
export const kioskIdentityEn = {
  'staff.identity.duplicate_number': 'Registered at the kiosk with a number that belongs to another client: ask who they are.',
  'staff.identity.returning_unproven': 'Checked in with the phone number only: confirm it is {name}.',
  'staff.identity.number_not_on_file': 'Said they have been here before, but nothing is on file for this number: ask their name.',
  'staff.identity.short': 'Check who this is',
  'staff.identity.saysBooked': 'Says they have a booking today: match it in the bookings.',
  'staff.identity.samePerson': 'Same person as the client on file',
  'staff.identity.separate': 'Someone else: keep apart',
  'staff.identity.confirm': 'Checked in person',
  'staff.identity.notThem': 'Not {name}: drop the stored answers',
} as const;
