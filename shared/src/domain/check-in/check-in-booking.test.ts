import { describe, expect, it } from 'vitest';
import { decideCheckInService, type ServiceRequest } from './check-in-booking.ts';
import { aBeautician, aBooking, aClient, aService, NOW, TODAY } from './test-builders.ts';

const records = {
  bookings: { bk1: aBooking(), tomorrow: aBooking({ id: 'tomorrow', startsAt: NOW + 86_400_000 }), done: aBooking({ id: 'done', state: 'checked_in' }) },
  services: { facial: aService(), nails: aService({ id: 'nails', category: 'nails' }) },
  staff: { anna: aBeautician(), gone: aBeautician({ id: 'gone', active: false }) },
};
const request = (over: Partial<ServiceRequest> = {}): ServiceRequest => ({
  client: aClient(),
  verified: true,
  bookingId: undefined,
  serviceId: 'nails',
  preferredStaffId: null,
  today: TODAY,
  timeZone: 'UTC',
  ...over,
});

describe('decideCheckInService', () => {
  it('a proven client’s booking for today gives its service and beautician, whatever was sent', () => {
    const booked = decideCheckInService(records, request({ bookingId: 'bk1' }));
    expect(booked).toMatchObject({ service: { id: 'facial' }, booking: { id: 'bk1' }, preferredStaffId: 'anna' });
    expect(decideCheckInService({ ...records, bookings: { bk1: aBooking({ anyStaff: true }) } }, request({ bookingId: 'bk1' }))).toMatchObject({ preferredStaffId: null });
  });

  it('refuses a booking not proven, not the client’s, already used or not today', () => {
    expect(decideCheckInService(records, request({ bookingId: 'bk1', verified: false }))).toMatchObject({ reason: 'unknown_booking' });
    expect(decideCheckInService(records, request({ bookingId: 'bk1', client: aClient({ id: 'c2' }) }))).toMatchObject({ reason: 'unknown_booking' });
    expect(decideCheckInService(records, request({ bookingId: 'done' }))).toMatchObject({ reason: 'booking_not_checkinable' });
    expect(decideCheckInService(records, request({ bookingId: 'tomorrow' }))).toMatchObject({ reason: 'booking_not_today' });
  });

  it('a walk-in gets the service asked for; an unknown service or an inactive beautician is refused', () => {
    expect(decideCheckInService(records, request({ preferredStaffId: 'anna' }))).toEqual({ service: records.services.nails, booking: undefined, preferredStaffId: 'anna' });
    expect(decideCheckInService(records, request({ serviceId: 'botox' }))).toMatchObject({ code: 'invalid_input', reason: 'unknown_service' });
    expect(decideCheckInService(records, request({ preferredStaffId: 'gone' }))).toMatchObject({ code: 'not_found', reason: 'unknown_staff' });
  });
});
