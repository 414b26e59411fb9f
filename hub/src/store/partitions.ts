import { z } from 'zod';
import { isFinal, type Visit } from '@glow/shared';
import type { CollectionName, HubState } from './hub-state.ts';
import { HubStateSchema } from './hub-state.ts';

/**
 * How a snapshot is split into files so that a checkpoint rewrites only what changed, whatever the history size:
 * - `settings`: meta and the small configuration collections,
 * - `floor`: visits still in progress (not closed / cancelled / no_show) — small, and the one that changes all day,
 * - `clients`, `links`, `commands`, `bookings`, `complaints`, `followUpTasks`, `outbox`, `clientChanges`: one file each,
 * - `visits-YYYY-MM`: finished visits by the (UTC) month they checked in; a past month is written once and then
 *   left alone. A finished visit without a check-in time (should not happen) goes to `visits-undated`.
 */
export type PartitionName = string;

export const SETTINGS_KEYS = [
  'meta',
  'services',
  'questionnaires',
  'rooms',
  'staff',
  'credentials',
  'devices',
  'pairingCodes',
  'categories',
  'skills',
  'equipment',
  'products',
] as const satisfies ReadonlyArray<keyof HubState>;

/** Partitions every snapshot has, even when empty. Month partitions exist only while they hold visits. */
export const FIXED_PARTITIONS = ['settings', 'floor', 'clients', 'links', 'commands', 'bookings', 'complaints', 'followUpTasks', 'outbox', 'clientChanges'] as const;

/** The partition holding a (non-visit) collection. Visits are placed one by one with visitPartition. */
export function collectionPartition(name: Exclude<CollectionName, 'visits'>): PartitionName {
  return (SETTINGS_KEYS as readonly string[]).includes(name) ? 'settings' : name;
}

export function visitPartition(visit: Visit): PartitionName {
  if (!isFinal(visit.state)) return 'floor';
  const checkedIn = visit.times.checked_in ?? Math.min(...Object.values(visit.times));
  if (!Number.isFinite(checkedIn)) return 'visits-undated';
  const date = new Date(checkedIn);
  return `visits-${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const isVisitPartition = (name: PartitionName): boolean => name === 'floor' || name.startsWith('visits-');

const PARTITION_NAME = /^(settings|floor|clients|links|commands|bookings|complaints|followUpTasks|outbox|clientChanges|visits-\d{4}-\d{2}|visits-undated)$/;
const PARTITION_FILE = /^(settings|floor|clients|links|commands|bookings|complaints|followUpTasks|outbox|clientChanges|visits-\d{4}-\d{2}|visits-undated)\.r(\d+)\.json$/;

/**
 * A partition's file carries the revision it was written at, so a rewrite never overwrites the file the previous
 * manifest points to: the previous generation stays whole on disk until the next checkpoint.
 */
export function partitionFileName(name: PartitionName, revision: number): string {
  if (!PARTITION_NAME.test(name)) throw new Error(`Not a partition name: ${name}`);
  return `${name}.r${revision}.json`;
}

export function parsePartitionFileName(file: string): { name: PartitionName; revision: number } | null {
  const match = PARTITION_FILE.exec(file);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { name: match[1], revision: Number(match[2]) };
}

/** The content of one partition file: some of HubState's keys. */
export type PartitionData = Partial<HubState>;

const shape = HubStateSchema.shape;
const settingsSchema = z.strictObject(
  Object.fromEntries(SETTINGS_KEYS.map((key) => [key, shape[key]])) as {
    [K in (typeof SETTINGS_KEYS)[number]]: (typeof shape)[K];
  },
);
const visitsSchema = z.strictObject({ visits: shape.visits });
const singleSchemas = {
  clients: z.strictObject({ clients: shape.clients }),
  links: z.strictObject({ links: shape.links }),
  commands: z.strictObject({ commands: shape.commands }),
  bookings: z.strictObject({ bookings: shape.bookings }),
  complaints: z.strictObject({ complaints: shape.complaints }),
  followUpTasks: z.strictObject({ followUpTasks: shape.followUpTasks }),
  outbox: z.strictObject({ outbox: shape.outbox }),
  clientChanges: z.strictObject({ clientChanges: shape.clientChanges }),
};

/** The schema a partition file must match, so a damaged file is caught at start-up rather than deep in the hub. */
export function partitionSchema(name: PartitionName): z.ZodType {
  if (name === 'settings') return settingsSchema;
  if (isVisitPartition(name)) return visitsSchema;
  const single = singleSchemas[name as keyof typeof singleSchemas] as z.ZodType | undefined;
  if (!single) throw new Error(`Not a partition name: ${name}`);
  return single;
}

/**
 * Adds a partition's content to a state being assembled from a snapshot. The first file of a collection (most have
 * only one) becomes the collection itself: copying its records one by one into an empty object (20,000 clients, a
 * month of visits) was a measurable part of every start. The parsed file is not used otherwise.
 */
export function mergePartition(state: HubState, data: PartitionData): void {
  for (const [key, value] of Object.entries(data)) {
    if (key === 'meta') state.meta = value as HubState['meta'];
    else {
      const target = state[key as CollectionName] as Record<string, unknown>;
      if (isEmpty(target)) (state as Record<CollectionName, unknown>)[key as CollectionName] = value;
      else Object.assign(target, value);
    }
  }
}

function isEmpty(record: Record<string, unknown>): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return false;
  return true;
}
