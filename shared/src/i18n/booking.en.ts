/**
 * English messages of the hub's booking refusals and the staff tablet's booking panels. Spread into en.ts so the
 * catalogue stays one. The booking pages' own words are in the hub's phone catalogue (transport/http/phone-messages).
 */
export const bookingEn = {
  'reason.unknown_booking': 'That booking does not exist.',
  'reason.unknown_booking_link': 'This booking code is not valid. Please ask at the front desk.',
  'reason.booking_not_today': 'This booking is not for today. Please ask at the front desk.',
  'reason.slot_taken': 'Sorry, that time has just been taken. Please pick another time.',
  'reason.slot_past': 'That time has already passed. Please pick another time.',
  'reason.hold_expired': 'We could hold that time only for a few minutes, and it has run out. Please pick a time again.',
  'reason.booking_not_held': 'This booking has already been confirmed or released.',
  'reason.booking_not_active': 'This booking can no longer be changed.',
  'reason.change_cutoff':
    'Bookings can be changed here only until {hours, plural, one {# hour} other {# hours}} before they start. Please call the salon.',
  'reason.reminder_done': 'This reminder has already been done.',
  'reason.already_booked_that_day':
    'You already have a booking that day. To change its time, open that booking from your aftercare page; for a second treatment the same day, please call the salon.',
  'reason.too_many_bookings':
    'You already have {n, plural, one {# upcoming booking} other {# upcoming bookings}}. To book more, please call the salon.',

  // staff tablet: the board's bookings panel and the front desk's reminder tasks
  'staff.bookings.title': 'Bookings',
  'staff.bookings.today': 'Today',
  'staff.bookings.upcoming': 'Upcoming',
  'staff.bookings.none': 'No bookings yet.',
  'staff.bookings.anyone': 'anyone',
  'staff.bookings.checkedIn': 'checked in',
  'staff.bookings.more': '+{n} more',
  'staff.tasks.title': 'Reminder calls',
  'staff.tasks.none': 'No calls to make.',
  'staff.tasks.call': 'Call or message {name} about tomorrow {time}',
  'staff.tasks.phone': 'Phone: {phone}',
  'staff.tasks.scriptLabel': 'What to say',
  'staff.tasks.script':
    'Hello {name}, this is {salon}. A reminder of your {service} with {staff} tomorrow at {time}. When you arrive, scan the code on your booking page at the kiosk. To move or cancel, use your booking link or call us.',
  'staff.tasks.scriptAnyone':
    'Hello {name}, this is {salon}. A reminder of your {service} tomorrow at {time}. When you arrive, scan the code on your booking page at the kiosk. To move or cancel, use your booking link or call us.',
  'staff.tasks.markDone': 'Done',
  'staff.tasks.done': 'Done by {name} at {time}',
  'staff.pending.reminderDone': 'reminder call done',
} as const;
