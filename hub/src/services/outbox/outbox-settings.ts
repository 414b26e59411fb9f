import { DEFAULT_OUTBOX_SETTINGS, type OutboxSettings, type OutboxSettingsView } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';

/** The salon's outbox settings; the defaults (file sender, 21:00–09:00 quiet, 200 a day) until the manager sets them. */
export const outboxSettingsOf = (state: Readonly<HubState>): OutboxSettings => state.meta.outbox ?? DEFAULT_OUTBOX_SETTINGS;

/** What a screen may see of the settings: never the password, sealed or not; only whether one is set. */
export function outboxSettingsView(settings: OutboxSettings): OutboxSettingsView {
  const { passwordSealed, ...rest } = settings;
  return { ...rest, passwordSet: passwordSealed !== null };
}
