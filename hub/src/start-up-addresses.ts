/**
 * The addresses the start-up log tells people to open, in the order to use them (#11): the hub's network addresses
 * first, since a tablet, the kiosk and a client's phone can only reach the hub there; `localhost` last and marked as
 * this computer's own (a tablet opened at localhost reaches itself, not the hub). A hub bound to one address shows
 * only that one. `trust` is where a new tablet downloads the hub's certificate: a network address when there is one.
 */
export function startUpAddresses(
  host: string,
  lanAddresses: readonly string[],
): { addresses: { address: string; thisComputerOnly: boolean }[]; trust: string } {
  const wildcard = host === '0.0.0.0' || host === '::';
  if (!wildcard) return { addresses: [{ address: host, thisComputerOnly: isLoopback(host) }], trust: host };
  return {
    addresses: [...lanAddresses.map((address) => ({ address, thisComputerOnly: false })), { address: 'localhost', thisComputerOnly: true }],
    trust: lanAddresses.at(-1) ?? 'localhost',
  };
}

const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || host.startsWith('127.');
