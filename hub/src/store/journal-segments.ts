import type { StoreFs } from './store-fs.ts';

/**
 * The journal is a series of segment files, `journal-<base>.jsonl`, where `base` is the seq of the last entry
 * before the segment: its first entry is base + 1. A checkpoint starts a new segment so that old ones can be deleted
 * whole once two snapshots cover them. The base is zero-padded so that `ls` lists segments in order.
 */
export type SegmentRef = { file: string; base: number };

const SEGMENT = /^journal-(\d+)\.jsonl$/;

export function segmentFileName(base: number): string {
  return `journal-${String(base).padStart(12, '0')}.jsonl`;
}

export function parseSegmentFileName(name: string): SegmentRef | null {
  const match = SEGMENT.exec(name);
  return match?.[1] === undefined ? null : { file: name, base: Number(match[1]) };
}

/** The directory's segments, oldest first. */
export async function listSegments(fs: StoreFs, dir: string): Promise<SegmentRef[]> {
  const refs = (await fs.readdir(dir)).map(parseSegmentFileName).filter((ref) => ref !== null);
  return refs.sort((a, b) => a.base - b.base);
}
