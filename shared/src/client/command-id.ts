/**
 * A fresh command id. Uses getRandomValues, not randomUUID: tablets reach the hub over plain http on the salon's
 * network, which is not a secure context, and randomUUID exists only in secure contexts.
 */
export function newCommandId(): string {
  const bytes = new Uint8Array(16);
  // Web Crypto exists in every browser and in Node; shared compiles without DOM or Node types, so name just this.
  (globalThis as unknown as { crypto: WebRandom }).crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

type WebRandom = { getRandomValues(bytes: Uint8Array): Uint8Array };
