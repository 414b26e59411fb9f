import { DEFAULT_AFTERCARE_SETTINGS, type AftercareSettings } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import type { Decision } from './hub-engine.ts';

/** The salon's aftercare settings; data written before they existed gets the defaults (30 days, 7 days, 1-3-7). */
export function aftercareSettingsOf(state: Readonly<HubState>): AftercareSettings {
  return (state.meta as Partial<HubState['meta']>).aftercare ?? DEFAULT_AFTERCARE_SETTINGS;
}

/** The manager changes how long new aftercare links stay valid and the problem-report window. */
export function decideSetAftercareSettings(
  state: Readonly<HubState>,
  input: { linkDays?: number | undefined; reportWindowDays?: number | undefined },
): Decision<AftercareSettings> {
  const current = aftercareSettingsOf(state);
  const next: AftercareSettings = {
    ...current,
    ...(input.linkDays !== undefined ? { linkDays: input.linkDays } : {}),
    ...(input.reportWindowDays !== undefined ? { reportWindowDays: input.reportWindowDays } : {}),
  };
  return { changes: { meta: { aftercare: next } }, result: next };
}
