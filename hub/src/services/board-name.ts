import type { Client } from '@glow/shared';

/**
 * How a client is named on the staff tablets (visit cards, bookings, reminder calls, complaints): the first name and
 * the last name's first letter ("Mei L."), enough to call them out in the waiting area without their full name.
 * A client that is no longer on the hub shows as "?".
 */
export function boardName(client: Pick<Client, 'firstName' | 'lastName'> | undefined): string {
  const initial = client?.lastName ? ` ${Array.from(client.lastName)[0]}.` : '';
  return `${client?.firstName ?? '?'}${initial}`;
}
