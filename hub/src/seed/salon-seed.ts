import { randomBytes, randomInt } from 'node:crypto';
import type { Language } from '@glow/shared';
import { hashPin } from '../security/secrets.ts';
import { emptyState, type HubState } from '../store/hub-state.ts';
import { DEMO_QUESTIONNAIRES, DEMO_ROOMS, DEMO_SERVICES, DEMO_STAFF } from './demo-catalogue.ts';

const byId = <T extends { id: string }>(items: readonly T[]) => Object.fromEntries(items.map((x) => [x.id, x]));

/** A salon with nothing in it yet but its name: the manager sets up the rest. */
export function emptySalon(name: string, defaultLanguage: Language = 'en'): HubState {
  return emptyState({
    salon: { name, defaultLanguage, languages: ['en', 'zh-CN'] },
    ticket: { day: '', last: 0 },
    sessionKey: randomBytes(32).toString('base64url'),
  });
}

/** A real salon's first start: an empty salon and one manager whose random PIN the start-up log shows once. */
export async function emptySalonWithManager(name: string): Promise<{ state: HubState; pin: string }> {
  const state = emptySalon(name);
  const pin = String(randomInt(0, 1_000_000)).padStart(6, '0');
  state.staff.manager = { id: 'manager', name: 'Manager', role: 'manager', skills: [], active: true };
  state.credentials.manager = await hashPin(pin);
  return { state, pin };
}

/** The demo salon of the README: five rooms, five staff with PINs, five services, a consultation per category. */
export async function demoSalon(defaultLanguage: Language = 'en'): Promise<HubState> {
  const state = emptySalon('Glow Demo Salon', defaultLanguage);
  state.services = byId(DEMO_SERVICES);
  state.rooms = byId(DEMO_ROOMS);
  state.questionnaires = byId(DEMO_QUESTIONNAIRES);
  for (const { pin, ...member } of DEMO_STAFF) {
    state.staff[member.id] = member;
    state.credentials[member.id] = await hashPin(pin);
  }
  return state;
}
