import type { Client } from '../schemas/client.schema.ts';

/**
 * The record that stands for a client now (#16): a record merged into another answers with the one it was merged
 * into, through a chain of merges (bounded, should a stored chain ever loop). Undefined for an unknown id. Each hop is
 * one look-up: no scan of the clients.
 */
export function keptClientOf(clients: Readonly<Record<string, Client>>, clientId: string): Client | undefined {
  let client = clients[clientId];
  for (let hops = 0; client?.mergedInto !== undefined && hops < 20; hops++) {
    const next = clients[client.mergedInto];
    if (!next) break;
    client = next;
  }
  return client;
}
