import { followUpSettingsProblem, type FollowUpSettings } from '@glow/shared';
import { refuse, type Refusal } from '../app-error.ts';
import type { Decision } from '../hub-engine.ts';

/**
 * The manager saves the salon's follow-up settings whole (the schema has checked shape and numbers). Every wording
 * is checked here for its {placeholders}: an unknown one, a brace left open or a plural/select is refused with the
 * placeholder and the field named, so the tablet marks that box; nothing is saved. The sweep picks new settings up
 * at its next check (FollowUpSweeper.committed); tasks already created stay as they are.
 */
export function decideFollowUpSettings(settings: FollowUpSettings): Decision<Record<string, never>> | Refusal {
  const problem = followUpSettingsProblem(settings);
  if (problem) {
    const params = {
      placeholder: 'placeholder' in problem ? `{${problem.placeholder}}` : '',
      allowed: 'allowed' in problem ? problem.allowed : '',
    };
    return refuse('invalid_input', problem.reason, params, [{ field: `settings.${problem.path}`, rule: problem.reason, params }]);
  }
  return { changes: { meta: { followUps: settings } }, result: {} };
}
