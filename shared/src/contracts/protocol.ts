/**
 * Bumped whenever a command, event or view changes shape; the handshake refuses a mismatch, saying which side is
 * older (protocolMismatch). 3: a check-in's `signature` is always a list. 4: every kiosk check-in carries `consents`.
 */
export const PROTOCOL_VERSION = 4;

/**
 * Why a client speaking `clientVersion` may not connect: its page is older than the hub (reloading it fetches the
 * hub's), or newer (the hub runs an older Glow: a reload will not help until the hub is updated). Null: it may.
 */
export function protocolMismatch(clientVersion: number): 'client_too_old' | 'hub_too_old' | null {
  if (clientVersion === PROTOCOL_VERSION) return null;
  return clientVersion < PROTOCOL_VERSION ? 'client_too_old' : 'hub_too_old';
}

export const NAMESPACES = { kiosk: '/kiosk', staff: '/staff' } as const;

/** Largest socket packet or HTTP body the hub accepts. Check-ins with a questionnaire and a signature fit easily. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
