import type { AppError } from '@glow/shared';

/** socket.io hands `data` of a middleware error to the client's connect_error: the AppError travels there. */
export function handshakeError(error: AppError): Error & { data: AppError } {
  return Object.assign(new Error(error.code), { data: error });
}
