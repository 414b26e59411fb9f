/**
 * English messages for the manager's alert that the hub lost acknowledged changes (a tablet held a newer revision
 * than the hub has; #10 finding 7). Spread into en.ts so the catalogue stays one.
 */
export const dataLossEn = {
  'staff.dataLoss.title': 'The hub has lost recent changes',
  'staff.dataLoss.body':
    'A tablet had seen {lost, plural, one {# change} other {# changes}} more than the hub now holds: the hub’s data was restored from an older copy or damaged. Check today’s check-ins, visits and payments on the board with your team, and re-enter what is missing.',
  'staff.dataLoss.dismiss': 'I have checked',
} as const;
