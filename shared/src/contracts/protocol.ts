/** Bumped whenever a command, event or view changes shape; the handshake refuses a mismatch. */
export const PROTOCOL_VERSION = 2;

export const NAMESPACES = { kiosk: '/kiosk', staff: '/staff' } as const;

/** Largest socket packet or HTTP body the hub accepts. Check-ins with a questionnaire and a signature fit easily. */
export const MAX_PAYLOAD_BYTES = 256 * 1024;
