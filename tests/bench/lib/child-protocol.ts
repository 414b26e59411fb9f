/** Messages between the bench and its hub process (hub-child.ts), over the child-process IPC channel. */
export type ChildRequest =
  | { id: number; type: 'pairingCode'; kind?: 'tablet' | 'kiosk' }
  | { id: number; type: 'loop:start' }
  | { id: number; type: 'loop:stop' }
  | { id: number; type: 'profile:start' }
  | { id: number; type: 'profile:stop'; file: string }
  | { id: number; type: 'memory' }
  | { id: number; type: 'floor' }
  | { id: number; type: 'stock:stats' }
  | { id: number; type: 'stop' };

export type ChildReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export type ChildReady = { type: 'ready'; url: string; startMs: number; pid: number };

/** The hub process's CPU time so far (process.cpuUsage, µs) and how many visits wait in its queue. */
/** The hub's CPU time so far (user + system, and each; the main thread's alone), its queue length and active visits. */
export type FloorProbe = { cpuUs: number; userUs: number; systemUs: number; mainThreadUs: number; queued: number; active: number };

export type LoopDelay = { p50: number; p99: number; max: number; mean: number; count: number };
