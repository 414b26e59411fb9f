import type { HubState } from './hub-state.ts';

/**
 * Links a snapshot keeps: those not yet expired. An expired link answers exactly like a token that never existed
 * (public-link.ts: `expiresAt <= now` → null, the same refusal), so dropping it changes no answer, while keeping every
 * link ever issued would grow the state with history (200,000 on the large salon). Revoked links that have not
 * expired yet are kept: they are few and short-lived. `now` comes from the journal or the manifest (never later than
 * the real time), so a link is dropped only once it has surely expired. Null (nothing known) keeps everything.
 */
export function isLiveLink(link: { expiresAt: number }, now: number | null): boolean {
  return now === null || link.expiresAt > now;
}

export function retainedLinks(links: HubState['links'], now: number | null): HubState['links'] {
  if (now === null) return { ...links };
  const out: HubState['links'] = {};
  for (const [hash, link] of Object.entries(links)) if (isLiveLink(link, now)) out[hash] = link;
  return out;
}

/**
 * Drops expired links from a partition file's raw JSON before it is validated: validating 200,000 links only to
 * drop them costs most of a start-up. Anything not plainly an expired link (no numeric `expiresAt`) is kept, so the
 * schema still judges it and a damaged record is still reported.
 */
export function dropExpiredRawLinks(data: unknown, now: number | null, onDropped?: (count: number) => void): unknown {
  if (now === null || typeof data !== 'object' || data === null) return data;
  const links = (data as { links?: unknown }).links;
  if (typeof links !== 'object' || links === null || Array.isArray(links)) return data;
  const kept: Record<string, unknown> = {};
  let dropped = 0;
  for (const [hash, link] of Object.entries(links)) {
    const expiresAt = (link as { expiresAt?: unknown } | null)?.expiresAt;
    if (typeof expiresAt === 'number' && Number.isFinite(expiresAt) && expiresAt <= now) dropped += 1;
    else kept[hash] = link;
  }
  onDropped?.(dropped);
  return { ...data, links: kept };
}
