import type { Client } from '@glow/shared';

/**
 * Who was merged into whom, as the follow-up sweep needs it (#16). A merge moves nothing (client-edits.decision.ts):
 * the merged-away record keeps its visits, in the state and in months left on disk, and points to the kept one
 * (`mergedInto`). The sweep decides once per person, on the kept record, over every visit of the group; a record
 * merged away is never decided on its own (its birthday and consents went to the kept one), or she would be greeted,
 * or called back as lapsed, twice.
 */
export type MergeLinks = { mergedInto(clientId: string): readonly string[] };

/** The merge links scanned once from the clients (tests and the one-turn sweep; the hub passes ClientLinksIndex). */
export function scanMergeLinks(clients: Readonly<Record<string, Client>>): MergeLinks {
  const from = new Map<string, string[]>();
  for (const client of Object.values(clients)) {
    if (client.mergedInto === undefined) continue;
    const list = from.get(client.mergedInto);
    if (list) list.push(client.id);
    else from.set(client.mergedInto, [client.id]);
  }
  return { mergedInto: (id) => from.get(id) ?? [] };
}

/** The kept record and every record merged into it, through chains too, the kept one first. */
export function sweepGroupOf(clientId: string, links: MergeLinks): string[] {
  const group = [clientId];
  for (let i = 0; i < group.length && group.length < 1_000; i++) {
    for (const id of links.mergedInto(group[i]!)) if (!group.includes(id)) group.push(id);
  }
  return group;
}

/** A record the sweep decides for: a client not merged into another. */
export const decidedAlone = (client: Client | undefined): client is Client => client !== undefined && client.mergedInto === undefined;
