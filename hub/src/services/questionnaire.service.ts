import type { Questionnaire } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import { questionnaireOfCategory } from './consultation.ts';
import type { Decision } from './hub-engine.ts';

/** A version suffix the hub adds to a questionnaire's id ("q-facial-v3"); the manager may send either form. */
const VERSION_SUFFIX = /-v\d+$/;

/**
 * The manager replaces (or, the first time, gives) a category's questionnaire (already checked by QuestionnaireDefinitionSchema: unique ids,
 * options, scales, conditions and rules that fit). It becomes the category's next version under its own id, so the
 * visits that were answered on an older version keep reading it; the kiosk gets the new one at once. The version
 * sent is ignored: the hub numbers versions, so two managers editing at once cannot both make "version 3".
 */
export function decideReplaceQuestionnaire(
  state: Readonly<HubState>,
  input: { questionnaire: Questionnaire },
): Decision<{ questionnaireId: string; version: number }> | Refusal {
  const sent = input.questionnaire;
  const base = sent.id.replace(VERSION_SUFFIX, '');
  const clash = Object.values(state.questionnaires).find(
    (q) => (q.id === base || q.id.replace(VERSION_SUFFIX, '') === base) && q.category !== sent.category,
  );
  if (clash) return refuse('conflict', 'questionnaire_category_changed', { id: base });
  const version = (questionnaireOfCategory(state, sent.category)?.version ?? 0) + 1;
  // The first version keeps the id it was given ("q-facial", as the demo seed names it); later ones are "q-facial-v2"…
  const id = version === 1 && !Object.hasOwn(state.questionnaires, base) ? base : `${base}-v${version}`.slice(0, 64);
  const stored: Questionnaire = { ...sent, id, version };
  return { changes: { questionnaires: { [id]: stored } }, result: { questionnaireId: id, version } };
}
