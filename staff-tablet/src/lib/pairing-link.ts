/**
 * The link a pairing QR code carries (#14): the staff app's address with the one-time code in the fragment, which the
 * browser never sends to the hub or keeps in any log. A new tablet that scans it opens the pairing screen with the
 * code filled in; the tablet still needs the hub's trust (the /trust page) before the link opens without a warning.
 */
export function pairingLink(origin: string, code: string): string {
  return `${origin}/staff/#pair=${code}`;
}

/** The code a pairing link put in the address (`#pair=123456`), or null. */
export function codeFromHash(hash: string): string | null {
  return /^#pair=(\d{6})$/.exec(hash)?.[1] ?? null;
}
