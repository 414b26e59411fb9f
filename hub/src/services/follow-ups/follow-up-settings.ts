import { DEFAULT_FOLLOW_UP_SETTINGS, type FollowUpSettings } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';

/** The salon's follow-up settings: the seeds' defaults until the manager saves her own (#16). */
export const followUpSettingsOf = (state: Readonly<HubState>): FollowUpSettings => state.meta.followUps ?? DEFAULT_FOLLOW_UP_SETTINGS;
