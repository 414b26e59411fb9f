import { protocolMismatch, type AppError, type Language } from '@glow/shared';
import { refuse, toAppError } from '../../services/app-error.ts';

/** socket.io hands `data` of a middleware error to the client's connect_error: the AppError travels there. */
export function handshakeError(error: AppError): Error & { data: AppError } {
  return Object.assign(new Error(error.code), { data: error });
}

/**
 * The handshake's answer to a page speaking another protocol version: `protocol_mismatch` (the apps reload on it),
 * with the reason saying which side is older (`client_too_old`: a reload fetches the hub's page; `hub_too_old`: the
 * hub needs updating). Null when the versions match.
 */
export function protocolRefusal(clientVersion: number, language: Language): (Error & { data: AppError }) | null {
  const why = protocolMismatch(clientVersion);
  return why ? handshakeError(toAppError(refuse('protocol_mismatch', why), language)) : null;
}
