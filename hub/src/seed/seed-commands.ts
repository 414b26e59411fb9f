import { SetupInputSchema, STAFF_COMMANDS, type Ack } from '@glow/shared';
import type { z } from 'zod';
import { hashPin } from '../security/secrets.ts';
import { invalidInput, refuse, type Refusal } from '../services/app-error.ts';
import { decideBookingSettings } from '../services/booking-settings.service.ts';
import {
  decideCategory,
  decideOrderCategories,
  decideProduct,
  decideRoom,
  decideService,
  decideStaff,
  decideTerm,
} from '../services/catalogue/catalogue.service.ts';
import { decideConsentText } from '../services/consent-settings.service.ts';
import { decideContact } from '../services/contact-settings.service.ts';
import type { Decision, HubEngine } from '../services/hub-engine.ts';
import { decideSetPin } from '../services/pin.service.ts';
import { decideReplaceQuestionnaire } from '../services/questionnaire.service.ts';
import { decideSalonProfile } from '../services/salon-profile.service.ts';
import { decideServiceAftercare } from '../services/service-aftercare-settings.service.ts';
import { setUpSalon, setupPending } from '../services/setup.service.ts';
import type { HubState } from '../store/hub-state.ts';

/**
 * A salon built by commands (#13): the demo salon is not a hand-made state but the list of commands a manager would
 * send to set a real salon up — the set-up, then the catalogue, staff, rooms and settings forms — each checked by the
 * command's own input schema (the one the socket binder checks) and decided by the command's own decision (the one
 * its handler runs), on the engine's one command path: decide → apply → journal. So the demo and a real salon can
 * never drift apart: a field a form gains or a rule it tightens applies to the demo too, or the seed stops naming
 * the command that was refused.
 */

/** The manager's commands a seed may hold (each one the binder lets a manager send). */
const SEEDABLE = [
  'settings:salon',
  'settings:booking',
  'settings:contact',
  'settings:consent',
  'settings:serviceAftercare',
  'catalogue:category',
  'catalogue:orderCategories',
  'catalogue:skill',
  'catalogue:equipment',
  'catalogue:service',
  'catalogue:product',
  'questionnaire:replace',
  'room:save',
  'staff:save',
  'staff:setPin',
] as const satisfies readonly (keyof typeof STAFF_COMMANDS)[];
type Seedable = (typeof SEEDABLE)[number];
type InputOf<K extends Seedable> = Omit<z.input<(typeof STAFF_COMMANDS)[K]['input']>, 'commandId'>;
type OutputOf<K extends Seedable> = z.output<(typeof STAFF_COMMANDS)[K]['input']>;

/** The set-up a real salon's owner sends from the wizard, without what only a tablet has (the code, its name). */
const SeedSetUpSchema = SetupInputSchema.omit({ code: true, deviceName: true });

/**
 * One command of a seed. `id` is the id a new item gets (the hub's id generator picks one otherwise): the demo fixes
 * its ids ('mei', 'room-1', 'facial-classic') because the README and the tests name them.
 */
export type SeedCommand =
  | { command: 'salon:setup'; input: z.input<typeof SeedSetUpSchema>; id: string }
  | { [K in Seedable]: { command: K; input: InputOf<K>; id?: string } }[Seedable];

type SeedDecide<K extends Seedable> = (
  state: Readonly<HubState>,
  now: number,
  input: OutputOf<K>,
  newId: () => string,
  credential: { pinHash: string; salt: string } | null,
) => Decision<unknown> | Refusal;

/** Each command's decision, exactly as its socket handler calls it (transport/socket/*.handlers.ts). */
const DECIDE: { [K in Seedable]: SeedDecide<K> } = {
  'settings:salon': (s, _now, input) => decideSalonProfile(s, input),
  'settings:booking': (s, _now, input) => decideBookingSettings(s, input),
  'settings:contact': (s, _now, input) => decideContact(s, input),
  'settings:consent': (s, _now, input) => decideConsentText(s, input),
  'settings:serviceAftercare': (s, _now, input) => decideServiceAftercare(s, input),
  'catalogue:category': (s, _now, input, newId) => decideCategory(s, input, newId),
  'catalogue:orderCategories': (s, _now, input) => decideOrderCategories(s, input.ids),
  'catalogue:skill': (s, _now, input, newId) => decideTerm(s, 'skills', input, newId),
  'catalogue:equipment': (s, _now, input, newId) => decideTerm(s, 'equipment', input, newId),
  'catalogue:service': (s, now, input, newId) => decideService(s, now, input, newId, Object.values(s.visits)),
  'catalogue:product': (s, _now, input, newId) => decideProduct(s, input, newId),
  'questionnaire:replace': (s, _now, input) => decideReplaceQuestionnaire(s, input),
  'room:save': (s, _now, input, newId) => decideRoom(s, input, newId),
  'staff:save': (s, _now, input, newId) => decideStaff(s, input, newId, Object.values(s.visits)),
  'staff:setPin': (s, _now, input, _newId, credential) => decideSetPin(s, input.staffId, credential!),
};

/** The demo's set-up, from the hub itself: what the wizard's decision saves, minus the code and the owner's tablet. */
function decideSeedSetUp(state: Readonly<HubState>, input: z.output<typeof SeedSetUpSchema>, ownerId: string, credential: { pinHash: string; salt: string }) {
  if (!setupPending(state)) return refuse('conflict', 'setup_done');
  return { changes: setUpSalon(state, input, ownerId, credential), result: { staffId: ownerId } };
}

/** A seed command checked as the binder checks it, with its PIN hashed as its handler hashes it, ready to decide. */
type Prepared = { command: string; decide: (state: Readonly<HubState>, now: number) => Decision<unknown> | Refusal };

async function prepare(c: SeedCommand, index: number): Promise<Prepared> {
  const where = `seed command ${index + 1} (${c.command})`;
  const fail = (issues: z.core.$ZodIssue[]): never => {
    const error = invalidInput(issues, 'en');
    throw new Error(`${where} does not pass its input schema: ${error.issues?.map((i) => `${i.field}: ${i.rule}`).join(', ') ?? error.message}`);
  };
  if (c.command === 'salon:setup') {
    const parsed = SeedSetUpSchema.safeParse(c.input);
    if (!parsed.success) return fail(parsed.error.issues);
    const credential = await hashPin(parsed.data.owner.pin);
    return { command: 'salon:setup', decide: (state) => decideSeedSetUp(state, parsed.data, c.id, credential) };
  }
  const spec = STAFF_COMMANDS[c.command];
  if (!(spec.roles as readonly string[]).includes('manager')) throw new Error(`${where}: a manager may not send it`);
  // A command id only to satisfy the schema: seed commands are journaled without one (nobody retries them).
  const parsed = spec.input.safeParse({ commandId: `seed-${String(index + 1).padStart(4, '0')}`, ...c.input });
  if (!parsed.success) return fail(parsed.error.issues);
  const input = parsed.data as OutputOf<typeof c.command>;
  const credential = c.command === 'staff:setPin' ? await hashPin((input as OutputOf<'staff:setPin'>).pin) : null;
  const fixedId = c.id;
  const newId = () => {
    if (fixedId === undefined) throw new Error(`${where} creates an item: give it an id`);
    return fixedId;
  };
  const decide = DECIDE[c.command] as SeedDecide<Seedable>;
  return { command: c.command, decide: (state, now) => decide(state, now, input as never, newId, credential) };
}

/**
 * Runs a seed on the engine: every command checked and its PIN hashed first, then all of them sent at once, so that
 * each decision sees the ones before it and the store writes them together (one group, one fsync: a salon is never
 * left half-seeded by a crash in the middle). Throws, naming the command and the rule, at the first refusal.
 */
export async function runSeedCommands(engine: Pick<HubEngine, 'execute'>, commands: readonly SeedCommand[]): Promise<void> {
  const prepared = await Promise.all(commands.map((c, i) => prepare(c, i)));
  const answers: Promise<Ack<unknown>>[] = prepared.map(({ command, decide }) =>
    engine.execute({ command, commandId: null, language: 'en' }, decide),
  );
  const acks = await Promise.all(answers);
  acks.forEach((ack, i) => {
    if (!ack.ok) {
      const issues = ack.error.issues?.map((x) => `${x.field}: ${x.rule}`).join(', ');
      throw new Error(`seed command ${i + 1} (${commands[i]!.command}) was refused: ${ack.error.reason ?? ack.error.code}${issues ? ` (${issues})` : ''} — ${ack.error.message}`);
    }
  });
}
