import type { AppError } from '@glow/shared';

/** The hub's message (already in the user's language) with the field issues that explain it. */
export function errorText(error: AppError): string {
  const issues = (error.issues ?? []).map((i) => i.message).filter((m) => m && m !== error.message);
  return [error.message, ...issues].join(' ');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The AppError a refused socket.io handshake carries in `err.data`, if any. */
export function handshakeError(err: unknown): AppError | null {
  const data = isRecord(err) ? err.data : undefined;
  return isRecord(data) && typeof data.code === 'string' && typeof data.message === 'string'
    ? (data as AppError)
    : null;
}
