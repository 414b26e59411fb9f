import type { Ack, Language } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import type { Refusal } from '../../services/app-error.ts';
import type { Decision } from '../../services/hub-engine.ts';
import type { Actor } from '../../services/visit-access.ts';
import type { HubState } from '../../store/hub-state.ts';

export type RunAs = <T>(
  command: string,
  input: { commandId: string },
  lang: Language,
  decide: (state: Readonly<HubState>, now: number, who: Actor) => Decision<T> | Refusal,
) => Promise<Ack<T>>;

/**
 * A staff command's decision run on the one command path (decide → apply → journal → ack → publish) as whoever is
 * signed in: `actor` is read when the command runs, so a handler never acts for a session that has since changed.
 * `sender` is the tablet (`device:<id>`): only it may retry the command and get its recorded answer.
 */
export const runAs =
  (core: HubCore, actor: () => Actor, sender: string): RunAs =>
  (command, input, lang, decide) => {
    const who = actor();
    return core.engine.execute({ command, commandId: input.commandId, sender, language: lang }, (state, now) => decide(state, now, who));
  };
