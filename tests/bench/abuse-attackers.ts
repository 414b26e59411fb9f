/**
 * The attackers of tests/bench/abuse.ts, in a process of their own so that their floods (hundreds of thousands of
 * packets written in tight loops) do not stall the real kiosks whose ack latency the bench measures. Receives
 * `{ url, silent, resync, command }` (paired kiosk credentials) over IPC, attacks until killed.
 */
import { newCommandId } from '@glow/shared';
import type { Socket } from 'socket.io-client';
import { kioskSocket, type PairedDevice } from '../support/crash-clients.ts';
import { openNonReadingKiosk } from '../support/non-reading-socket.ts';

type Orders = { url: string; silent: PairedDevice[]; resync: PairedDevice; command: PairedDevice };

const connected = (s: Socket) =>
  new Promise<boolean>((resolve) => {
    s.once('sync:snapshot', () => resolve(true));
    s.once('connect_error', () => resolve(false));
  });

/** Floods from one kiosk for ever: connects (refused ones wait), floods, is cut off, comes back. */
async function flooder(url: string, device: PairedDevice, flood: (s: Socket) => void, rounds: { n: number }): Promise<void> {
  for (;;) {
    const s = kioskSocket(url, device);
    if (!(await connected(s))) {
      s.disconnect();
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    rounds.n += 1;
    const cut = new Promise((r) => s.once('disconnect', r));
    flood(s);
    await Promise.race([cut, new Promise((r) => setTimeout(r, 5000))]);
    s.disconnect();
  }
}

process.once('message', async (orders: Orders) => {
  const silent = await Promise.all(orders.silent.map((d) => openNonReadingKiosk(orders.url, d)));
  for (const s of silent) s.askForSnapshots(20_000);
  const resyncRounds = { n: 0 };
  const commandRounds = { n: 0 };
  process.on('message', () => process.send!({ resyncRounds: resyncRounds.n, commandRounds: commandRounds.n }));
  process.send!({ started: true });
  void flooder(orders.url, orders.resync, (s) => {
    for (let i = 0; i < 5000; i++) s.emit('sync:resync', () => {});
  }, resyncRounds);
  void flooder(orders.url, orders.command, (s) => {
    for (let i = 0; i < 10_000; i++) {
      s.emit('visit:checkIn', { commandId: newCommandId(), client: { firstName: `Fake${i}`, phone: `+1555${String(4_000_000 + i)}` }, serviceId: 'facial-classic', language: 'en' }, () => {});
    }
  }, commandRounds);
});
process.on('disconnect', () => process.exit(0));
