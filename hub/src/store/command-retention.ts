import type { HubState } from './hub-state.ts';

/**
 * How long a command's first answer is kept for retries. Tablets retry within seconds or, after a dropped Wi-Fi,
 * minutes; a day is far beyond that and keeps the commands collection from growing with history.
 */
export const COMMAND_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * The command records a snapshot keeps. `now` comes from the journal (the newest entry's `at`) or an injected clock,
 * never from the wall clock here, so the decision is reproducible. Null (nothing known yet) keeps everything.
 */
export function retainedCommands(commands: HubState['commands'], now: number | null): HubState['commands'] {
  if (now === null) return { ...commands };
  const cutoff = now - COMMAND_RETENTION_MS;
  return Object.fromEntries(Object.entries(commands).filter(([, record]) => record.at >= cutoff));
}
