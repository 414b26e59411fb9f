import { NAMESPACES, PROTOCOL_VERSION } from '@glow/shared';
import WebSocket from 'ws';

/**
 * A kiosk socket that asks for snapshots and never reads the answers: a raw WebSocket speaking engine.io/socket.io's
 * text protocol (socket.io-client always reads, so it cannot play this). Once on the /kiosk namespace it stops
 * reading from the TCP socket, so whatever the hub sends piles up on the hub's side, and then sends `sync:resync`
 * requests. Free of hub imports: it is used against hubs in child processes too.
 */
export type NonReadingSocket = {
  /** Sends `count` resync requests (each with an ack id, as a real client's would have). */
  askForSnapshots(count: number): void;
  /** Ends the connection from this side. (That the hub dropped it cannot be seen here: this side reads nothing.) */
  close(): void;
};

export async function openNonReadingKiosk(url: string, kiosk: { deviceId: string; deviceSecret: string }): Promise<NonReadingSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers: { origin: url } });
  ws.on('error', () => {}); // the hub cutting the connection is the expected end
  // Joined once the hub has accepted the namespace handshake (its first event, the snapshot, follows).
  await new Promise<void>((resolve, reject) => {
    ws.on('message', (data) => {
      const text = String(data);
      if (text.startsWith('0')) {
        const auth = { protocolVersion: PROTOCOL_VERSION, deviceId: kiosk.deviceId, deviceSecret: kiosk.deviceSecret, language: 'en' };
        ws.send(`40${NAMESPACES.kiosk},${JSON.stringify(auth)}`);
      } else if (text.startsWith(`40${NAMESPACES.kiosk},`)) {
        resolve();
      } else if (text.startsWith(`44${NAMESPACES.kiosk},`)) {
        reject(new Error(`kiosk handshake refused: ${text}`));
      }
    });
    ws.once('error', reject);
  });
  ws.removeAllListeners('message');
  // Stop reading: the kernel's buffers fill, then the hub's.
  (ws as unknown as { _socket: { pause(): void } })._socket.pause();
  let ackId = 0;
  return {
    askForSnapshots(count) {
      for (let i = 0; i < count && ws.readyState === WebSocket.OPEN; i++) ws.send(`42${NAMESPACES.kiosk},${ackId++}["sync:resync"]`);
    },
    close: () => ws.terminate(),
  };
}
