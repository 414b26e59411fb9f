/** The sections of a client's record, in the order the record shows them (and the panel's section buttons). */
export const RECORD_SECTIONS = ['details', 'health', 'consents', 'visits', 'condition', 'complaints', 'bookings', 'followUps', 'messages', 'referrals', 'changes'] as const;
export type RecordSection = (typeof RECORD_SECTIONS)[number];
