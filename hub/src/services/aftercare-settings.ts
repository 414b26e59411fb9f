import type { AftercareSettings } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import type { Decision } from './hub-engine.ts';

/** The salon's aftercare settings (data written before they existed has the defaults of then: migration 10). */
export function aftercareSettingsOf(state: Readonly<HubState>): AftercareSettings {
  return state.meta.aftercare;
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
