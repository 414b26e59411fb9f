import type { ConsentRecord } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { findAftercareLink, hasOptedOut } from './aftercare.service.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';

/** The version of the marketing text a "no" refers to: the salon's current text, else the one the client last saw. */
function marketingVersion(state: Readonly<HubState>, history: readonly ConsentRecord[]): number {
  const current = (state.meta as { consents?: { marketing?: { version?: number } } }).consents?.marketing?.version;
  const seen = history.filter((c) => c.kind === 'marketing').at(-1)?.version;
  return current ?? seen ?? 1;
}

/**
 * "No more marketing messages" from the aftercare page: a marketing consent `granted: false` joins the client's
 * consent history with the time (the history is kept whole). Saying it twice records nothing new.
 */
export function decideMarketingOptOut(
  state: Readonly<HubState>,
  now: number,
  token: string,
): Decision<{ optedOutAt: number }> | Refusal {
  const found = findAftercareLink(state, token, now);
  if (!found) return refuse('not_found', 'unknown_link');
  const { client } = found;
  const history = client.consents ?? [];
  if (hasOptedOut(client)) {
    const last = history.filter((c) => c.kind === 'marketing').at(-1)!;
    return { changes: {}, result: { optedOutAt: last.at } };
  }
  const record: ConsentRecord = { kind: 'marketing', version: marketingVersion(state, history), granted: false, at: now };
  return {
    changes: { clients: { [client.id]: { ...client, consents: [...history, record] } } },
    result: { optedOutAt: now },
  };
}
