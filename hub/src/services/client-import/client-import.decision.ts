import type { AcceptedRow, Client } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { refuse, type Refusal } from '../app-error.ts';
import type { Decision } from '../hub-engine.ts';

/**
 * The accepted rows of a checked client file become clients (#13), all of them or none. The rows were checked when
 * they arrived (import-staging.ts); here what may have changed since: a number registered meanwhile (at the kiosk,
 * by another import) refuses the whole import, naming the lines, so nobody is half-added and the manager checks the
 * file again. `expected` is the count the manager saw in the preview.
 */
export function decideClientImport(
  state: Readonly<HubState>,
  now: number,
  rows: readonly AcceptedRow[] | undefined,
  expected: number,
  isClientPhone: (phone: string) => boolean,
  newId: () => string,
): Decision<{ added: number }> | Refusal {
  if (!rows) return refuse('not_found', 'import_not_checked');
  if (rows.length !== expected) return refuse('conflict', 'import_changed', { expected, accepted: rows.length });
  const taken = rows.filter((r) => isClientPhone(r.phone));
  if (taken.length) {
    return refuse('conflict', 'import_phone_taken', { lines: taken.slice(0, 10).map((r) => r.line).join(', '), n: taken.length });
  }
  const language = state.meta.salon.defaultLanguage;
  const clients: Record<string, Client> = {};
  // One fresh id for the file and a counter per row: 20,000 random ids would cost the floor ~150 ms of this one turn.
  const base = newId();
  for (const [i, r] of rows.entries()) {
    const id = `${base}-${i.toString(36)}`;
    clients[id] = { id, firstName: r.firstName, lastName: r.lastName, phone: r.phone, language, createdAt: now, birthday: r.birthday };
  }
  return { changes: { clients }, result: { added: rows.length } };
}
