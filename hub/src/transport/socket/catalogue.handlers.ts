import { CATALOGUE_STAFF_COMMANDS } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';
import {
  decideCategory,
  decideOrderCategories,
  decideProduct,
  decideRoom,
  decideService,
  decideStaff,
  decideTerm,
} from '../../services/catalogue/catalogue.service.ts';
import { decideDayChange } from '../../services/catalogue/day-change.service.ts';
import type { Actor } from '../../services/visit-access.ts';
import type { CommandHandlers } from './bind-commands.ts';
import { runAs } from './run-as.ts';

/**
 * The manager's catalogue, staff and rooms forms (#13; the binder has checked the role and the input): each a
 * one-line decision on the one command path, journaled and published to every screen like any floor change, so the
 * planner, the waits and the slot search read the new lists at once.
 */
export function catalogueStaffHandlers(core: HubCore, actor: () => Actor, sender: string): CommandHandlers<typeof CATALOGUE_STAFF_COMMANDS> {
  const run = runAs(core, actor, sender);
  const newId = () => core.deps.newId();
  const active = () => core.reads.activeVisits();
  return {
    'catalogue:category': (input, lang) => run('catalogue:category', input, lang, (s) => decideCategory(s, input, newId)),
    'catalogue:orderCategories': (input, lang) => run('catalogue:orderCategories', input, lang, (s) => decideOrderCategories(s, input.ids)),
    'catalogue:skill': (input, lang) => run('catalogue:skill', input, lang, (s) => decideTerm(s, 'skills', input, newId)),
    'catalogue:equipment': (input, lang) => run('catalogue:equipment', input, lang, (s) => decideTerm(s, 'equipment', input, newId)),
    'catalogue:service': (input, lang) => run('catalogue:service', input, lang, (s, now) => decideService(s, now, input, newId, active())),
    'catalogue:product': (input, lang) => run('catalogue:product', input, lang, (s) => decideProduct(s, input, newId)),
    'staff:save': (input, lang) => run('staff:save', input, lang, (s) => decideStaff(s, input, newId, active())),
    'room:save': (input, lang) => run('room:save', input, lang, (s) => decideRoom(s, input, newId)),
    'staff:dayChange': (input, lang) => run('staff:dayChange', input, lang, (s, now) => decideDayChange(s, core.today(now), input)),
  };
}
