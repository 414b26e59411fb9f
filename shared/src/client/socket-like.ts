/** The slice of a socket.io client socket the sync helpers use; injected so that they stay free of I/O. */
export interface SocketLike {
  readonly connected: boolean;
  on(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
  emit(event: string, ...args: any[]): unknown;
  timeout(ms: number): { emitWithAck(event: string, ...args: any[]): Promise<any> };
}

/** The slice of Web Storage the outbox uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}
