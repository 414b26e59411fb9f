import { describe, expect, it } from 'vitest';
import type { AcceptedRow } from '@glow/shared';
import { applyChanges } from '../../store/apply-changes.ts';
import type { HubState } from '../../store/hub-state.ts';
import { isRefusal, type Refusal } from '../app-error.ts';
import type { Decision } from '../hub-engine.ts';
import { demoState } from '../test-state.ts';
import { decideImportDone, decideImportPart, decideImportStart, discardUnfinishedImport } from './import-writer.ts';

const NOW = Date.UTC(2026, 11, 3, 10);
const rows: AcceptedRow[] = Array.from({ length: 5 }, (_, i) => ({
  line: i + 2,
  firstName: `Client${i}`,
  lastName: '',
  phone: `+86139000000${i}${i}`,
  birthday: null,
}));
const none = () => false;

/** Applies an accepted decision as the engine would, and gives its result. */
function apply<T>(state: HubState, decision: Decision<T> | Refusal): T {
  if (isRefusal(decision)) throw new Error(`refused: ${decision.reason}`);
  applyChanges(state, decision.changes);
  return decision.result;
}

describe('client import written in parts (#13)', () => {
  it('start, parts and end add every row once and clear the marker', async () => {
    const state = await demoState();
    const before = Object.keys(state.clients).length;
    const marker = apply(state, decideImportStart(state, NOW, rows, 5, none, 'imp1'));
    expect(state.meta.clientImport).toEqual({ id: 'imp1', count: 5, at: NOW });
    // A second import waits until this one is written.
    expect(decideImportStart(state, NOW, rows, 5, none, 'imp2')).toMatchObject({ reason: 'import_busy' });
    apply(state, decideImportPart(state, rows, 0, 3, marker, none));
    apply(state, decideImportPart(state, rows, 3, 5, marker, none));
    expect(apply(state, decideImportDone(state, marker, 5))).toEqual({ added: 5 });
    expect(Object.keys(state.clients).length).toBe(before + 5);
    expect(state.meta.clientImport).toBeNull();
  });

  it('refuses the whole file when a number is a client’s at the start; leaves out one registered between parts', async () => {
    const state = await demoState();
    expect(decideImportStart(state, NOW, rows, 5, (p) => p === rows[3]!.phone, 'imp1')).toMatchObject({ reason: 'import_phone_taken' });
    const marker = apply(state, decideImportStart(state, NOW, rows, 5, none, 'imp1'));
    const part = decideImportPart(state, rows, 0, 5, marker, (p) => p === rows[1]!.phone);
    expect(isRefusal(part) ? null : part.result).toEqual({ added: 4, skipped: [3] });
  });

  it('an unfinished import is undone: its clients go, but one a visit now names stays', async () => {
    const state = await demoState();
    const before = Object.keys(state.clients).length;
    const marker = apply(state, decideImportStart(state, NOW, rows, 5, none, 'imp1'));
    apply(state, decideImportPart(state, rows, 0, 3, marker, none));
    // Someone checked in meanwhile as the client of row 3 (only the visit's clientId matters here).
    state.visits['v-meanwhile'] = { clientId: 'imp1-1' } as never;
    const undo = discardUnfinishedImport(state)!;
    expect(undo).toMatchObject({ removed: 2, kept: ['imp1-1'] });
    applyChanges(state, undo.changes);
    expect(state.meta.clientImport).toBeNull();
    expect(Object.keys(state.clients).length).toBe(before + 1);
    expect(discardUnfinishedImport(state)).toBeNull();
    // The parts still to come find no marker and add nothing.
    expect(decideImportPart(state, rows, 3, 5, marker, none)).toMatchObject({ reason: 'import_interrupted' });
  });
});
