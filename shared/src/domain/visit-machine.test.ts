import { describe, expect, it } from 'vitest';
import { VISIT_STATES } from '../schemas/visit.schema.ts';
import { transition, VISIT_COMMANDS, VISIT_TRANSITIONS } from './visit-machine.ts';

// The expected outcome of every (state, command) pair, written out independently of the table so that a change to
// the table has to be made twice, on purpose.
const ALLOWED: Record<string, string> = {
  'checked_in/queue': 'queued',
  'checked_in/cancel': 'cancelled',
  'checked_in/markNoShow': 'no_show',
  'queued/assign': 'assigned',
  'queued/cancel': 'cancelled',
  'queued/markNoShow': 'no_show',
  'assigned/confirmPlan': 'plan_confirmed',
  'assigned/handBack': 'queued',
  'assigned/cancel': 'cancelled',
  'assigned/markNoShow': 'no_show',
  'assigned/raiseIncident': 'assigned',
  'plan_confirmed/start': 'in_service',
  'plan_confirmed/handBack': 'queued',
  'plan_confirmed/cancel': 'cancelled',
  'plan_confirmed/raiseIncident': 'plan_confirmed',
  'in_service/finish': 'closing',
  'in_service/raiseIncident': 'in_service',
  'closing/close': 'closed',
  'closing/raiseIncident': 'closing',
};

describe('visit state machine', () => {
  const pairs = VISIT_STATES.flatMap((state) => VISIT_COMMANDS.map((command) => [state, command] as const));

  it.each(pairs)('%s + %s', (state, command) => {
    const expected = ALLOWED[`${state}/${command}`];
    const result = transition(state, command);
    if (expected) {
      expect(result).toEqual({ ok: true, state: expected });
    } else {
      expect(result).toEqual({ ok: false, reason: 'illegal_transition', from: state, command });
    }
  });

  it('has no allowed transition that the test list does not know', () => {
    const tableCount = Object.values(VISIT_TRANSITIONS).reduce((n, row) => n + Object.keys(row).length, 0);
    expect(tableCount).toBe(Object.keys(ALLOWED).length);
  });

  it('final states accept nothing', () => {
    for (const s of ['closed', 'cancelled', 'no_show'] as const) {
      expect(Object.keys(VISIT_TRANSITIONS[s])).toHaveLength(0);
    }
  });
});
