import { formatPersonName, type Client } from '@glow/shared';

/**
 * How a client is named on the staff tablets (visit cards, bookings, reminder calls, complaints): the shared formatter's
 * board form, by the name's script ("Mei L.", "王小明"). A client that is no longer on the hub shows as "?".
 */
export function boardName(client: Pick<Client, 'firstName' | 'lastName'> | undefined): string {
  return client ? formatPersonName(client, 'board') || '?' : '?';
}
