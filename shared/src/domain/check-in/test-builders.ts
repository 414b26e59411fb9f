// Builders for the check-in steps' unit tests (one test file per step): small valid records, changed per test.
import type { Booking } from '../../schemas/booking.schema.ts';
import type { Client } from '../../schemas/client.schema.ts';
import type { Questionnaire } from '../../schemas/questionnaire.schema.ts';
import type { Service } from '../../schemas/service.schema.ts';
import type { StaffMember } from '../../schemas/staff.schema.ts';
import type { WhoContext } from './check-in-who.ts';

/** Monday 23 November 2026, 10:00 UTC (the salon's time zone in these tests). */
export const NOW = Date.UTC(2026, 10, 23, 10, 0);
export const TODAY = '2026-11-23';

const text = (s: string) => ({ en: s, 'zh-CN': s });

export const aClient = (over: Partial<Client> = {}): Client => ({
  id: 'c1',
  firstName: 'Mei',
  lastName: 'Lin',
  phone: '13800138000',
  language: 'en',
  createdAt: 0,
  referredBy: null,
  ...over,
});

export const aService = (over: Partial<Service> = {}): Service =>
  ({
    id: 'facial',
    category: 'facial',
    name: text('Facial'),
    durationMin: 60,
    requiredSkill: 'facial',
    equipment: [],
    aftercare: text('Rest'),
    ...over,
  }) as Service;

export const aBooking = (over: Partial<Booking> = {}): Booking =>
  ({ id: 'bk1', clientId: 'c1', serviceId: 'facial', staffId: 'anna', anyStaff: false, startsAt: NOW + 3_600_000, state: 'booked', ...over }) as Booking;

export const aBeautician = (over: Partial<StaffMember> = {}): StaffMember =>
  ({ id: 'anna', name: 'Anna', role: 'beautician', skills: ['facial'], active: true, ...over }) as StaffMember;

export const aQuestionnaire = (over: Partial<Questionnaire> = {}): Questionnaire => ({
  id: 'q-facial',
  category: 'facial',
  version: 1,
  questions: [
    {
      id: 'pregnant',
      kind: 'yes_no',
      label: text('Pregnant?'),
      required: true,
      options: [],
      rules: [{ when: true, effect: 'block', flag: text('Pregnant') }],
    },
  ],
  ...over,
});

/** Ids n1, n2, … in the order asked for. */
export function sequence(): () => string {
  let n = 0;
  return () => `n${++n}`;
}

export const aWhoContext = (over: Partial<WhoContext> = {}): WhoContext => ({
  clients: {},
  now: NOW,
  timeZone: 'UTC',
  language: 'en',
  newId: sequence(),
  existingClientId: undefined,
  ...over,
});
