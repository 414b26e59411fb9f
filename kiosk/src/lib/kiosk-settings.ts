/**
 * The kiosk's per-device settings, read from its address so that the salon sets them when it opens the kiosk page
 * (e.g. `/?idle=30` for a busy lobby): no settings screen a client could reach.
 */
export type KioskSettings = {
  /** Seconds any screen past the welcome one may sit untouched before the kiosk starts over. */
  idleS: number;
  /** Seconds the ticket stays on screen. */
  ticketS: number;
};

export const DEFAULT_SETTINGS: KioskSettings = { idleS: 60, ticketS: 20 };
/** Shorter would cut off a client who is reading; longer leaves a name on screen for the next person. */
const IDLE_RANGE = [5, 600] as const;

const clamp = (n: number) => Math.min(IDLE_RANGE[1], Math.max(IDLE_RANGE[0], Math.round(n)));

export function readSettings(search: string): KioskSettings {
  const params = new URLSearchParams(search);
  const idle = Number(params.get('idle'));
  const ticket = Number(params.get('ticket'));
  const idleS = params.has('idle') && Number.isFinite(idle) ? clamp(idle) : DEFAULT_SETTINGS.idleS;
  const ticketS = params.has('ticket') && Number.isFinite(ticket) ? clamp(ticket) : Math.min(DEFAULT_SETTINGS.ticketS, idleS);
  return { idleS, ticketS };
}
