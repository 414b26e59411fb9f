import { describe, expect, it } from 'vitest';
import type { Client } from '@glow/shared';
import type { HubState } from '../../store/hub-state.ts';
import { isRefusal, toAppError } from '../app-error.ts';
import { demoState } from '../test-state.ts';
import { clientChangesErasure, decideClientEdit, decideClientMerge } from './client-edits.decision.ts';
import { mergeGroup } from './client-record.ts';

const NOW = Date.UTC(2026, 11, 3, 10);
const desk = { staffId: 'grace', role: 'front_desk' } as const;
const boss = { staffId: 'olivia', role: 'manager' } as const;
const client = (id: string, phone: string, extra: Partial<Client> = {}): Client => ({
  id,
  firstName: '美丽',
  lastName: '王',
  phone,
  language: 'zh-CN',
  createdAt: NOW - 1000,
  referredBy: null,
  ...extra,
});

async function salon(): Promise<HubState> {
  const state = await demoState();
  state.clients.a = client('a', '+8613800138000', { consents: [{ kind: 'terms', version: 1, granted: true, at: 1 }] });
  state.clients.b = client('b', '+8613700137000', { birthday: '1990-01-02', consents: [{ kind: 'marketing', version: 2, granted: false, at: 2 }] });
  state.clients.c = client('c', '+8613600136000', { mergedInto: 'b' });
  return state;
}
const owner = (state: HubState) => (phone: string) => Object.values(state.clients).find((c) => c.phone === phone && !c.mergedInto)?.id;

describe('decideClientEdit', () => {
  it('writes and logs only the fields that change, the phone canonical', async () => {
    const state = await salon();
    const out = decideClientEdit(state, NOW, desk, { clientId: 'a', changes: { phone: '138 0013 8888', firstName: '美丽', notes: 'VIP room' } }, owner(state), 'e1');
    if (isRefusal(out)) throw new Error(out.reason);
    expect(out.result.changed).toEqual(['phone', 'notes']);
    expect(out.changes.clients?.a).toMatchObject({ phone: '+8613800138888', notes: 'VIP room' });
    expect(out.changes.clientChanges?.e1).toMatchObject({ kind: 'edit', by: 'grace', at: NOW, fields: [{ field: 'phone', from: '+8613800138000', to: '+8613800138888' }, { field: 'notes', from: null, to: 'VIP room' }] });
  });

  it("refuses another client's number, an impossible or future birthday, and a merged record", async () => {
    const state = await salon();
    expect(decideClientEdit(state, NOW, desk, { clientId: 'a', changes: { phone: '+86 137 0013 7000' } }, owner(state), 'e')).toMatchObject({ code: 'conflict', reason: 'client_phone_taken', params: { name: '王美丽' } });
    expect(decideClientEdit(state, NOW, desk, { clientId: 'a', changes: { birthday: '2027-01-01' } }, owner(state), 'e')).toMatchObject({ reason: 'desk_birthday_future' });
    expect(decideClientEdit(state, NOW, desk, { clientId: 'a', changes: { birthday: '1990-02-30' } }, owner(state), 'e')).toMatchObject({ reason: 'birthday_format' });
    expect(decideClientEdit(state, NOW, desk, { clientId: 'c', changes: { notes: 'x' } }, owner(state), 'e')).toMatchObject({ reason: 'client_merged' });
    expect(decideClientEdit(state, NOW, desk, { clientId: 'zz', changes: { notes: 'x' } }, owner(state), 'e')).toMatchObject({ code: 'not_found' });
  });
});

describe('decideClientEdit: the desk speaks about the client (#16 review)', () => {
  it('refuses a future birthday in words for the desk, not the kiosk’s "Your birthday", in en and zh-CN', async () => {
    const state = await salon();
    const out = decideClientEdit(state, NOW, desk, { clientId: 'a', changes: { birthday: '2027-01-01' } }, owner(state), 'e');
    if (!isRefusal(out)) throw new Error('accepted a future birthday');
    const en = toAppError(out, 'en');
    expect(en.message).toBe('The birthday cannot be in the future. Please check the date.');
    expect(en.issues).toEqual([{ field: 'birthday', rule: 'desk_birthday_future', message: 'The birthday cannot be in the future.' }]);
    expect(toAppError(out, 'zh-CN').issues?.[0]?.message).toBe('客户的生日不能是将来的日期。');
  });

  it("refuses the number of a record merged away as the kept client's, naming her", async () => {
    const state = await salon();
    // c was merged into b: its number is b's person's. The hub's phone index answers with the kept record.
    const keptOwner = (phone: string) => (phone === '+8613600136000' ? 'b' : owner(state)(phone));
    const out = decideClientEdit(state, NOW, desk, { clientId: 'a', changes: { phone: '136 0013 6000' } }, keptOwner, 'e');
    expect(out).toMatchObject({ code: 'conflict', reason: 'client_phone_taken', params: { name: '王美丽' } });
  });
});

describe('decideClientEdit: e-mail and referrals', () => {
  it('sets, logs and removes the e-mail where messages go', async () => {
    const state = await salon();
    const set = decideClientEdit(state, NOW, desk, { clientId: 'a', changes: { email: 'meili@example.cn' } }, owner(state), 'e1');
    if (isRefusal(set)) throw new Error(set.reason);
    expect(set.changes.clients?.a?.email).toBe('meili@example.cn');
    expect(set.changes.clientChanges?.e1).toMatchObject({ fields: [{ field: 'email', from: null, to: 'meili@example.cn' }] });
    state.clients.a = set.changes.clients!.a!;
    const removed = decideClientEdit(state, NOW, desk, { clientId: 'a', changes: { email: null } }, owner(state), 'e2');
    if (isRefusal(removed)) throw new Error(removed.reason);
    expect(removed.changes.clients?.a && 'email' in removed.changes.clients.a).toBe(false);
    expect(removed.changes.clientChanges?.e2).toMatchObject({ fields: [{ field: 'email', from: 'meili@example.cn', to: null }] });
  });

  it('records who referred the client, logged; null removes it', async () => {
    const state = await salon();
    const out = decideClientEdit(state, NOW, desk, { clientId: 'a', changes: { referredBy: 'b' } }, owner(state), 'e1');
    if (isRefusal(out)) throw new Error(out.reason);
    expect(out.changes.clients?.a?.referredBy).toBe('b');
    expect(out.changes.clientChanges?.e1).toMatchObject({ fields: [{ field: 'referredBy', from: null, to: 'b' }] });
    state.clients.a = out.changes.clients!.a!;
    const cleared = decideClientEdit(state, NOW, desk, { clientId: 'a', changes: { referredBy: null } }, owner(state), 'e2');
    if (isRefusal(cleared)) throw new Error(cleared.reason);
    expect(cleared.changes.clients?.a?.referredBy).toBeNull();
  });

  it('refuses herself, an unknown or merged referrer, and a loop (A→B→A and longer)', async () => {
    const state = await salon();
    const edit = (clientId: string, referredBy: string) => decideClientEdit(state, NOW, desk, { clientId, changes: { referredBy } }, owner(state), 'e');
    expect(edit('a', 'a')).toMatchObject({ code: 'invalid_input', reason: 'referral_self', issues: [{ field: 'referredBy' }] });
    expect(edit('a', 'nobody')).toMatchObject({ code: 'not_found', reason: 'referrer_unknown' });
    expect(edit('a', 'c')).toMatchObject({ code: 'conflict', reason: 'referrer_merged' });
    state.clients.b = { ...state.clients.b!, referredBy: 'a' };
    expect(edit('a', 'b')).toMatchObject({ code: 'conflict', reason: 'referral_loop', params: { name: '美丽 王' } });
    state.clients.d = client('d', '+8613500135000', { referredBy: 'b' });
    expect(edit('a', 'd')).toMatchObject({ reason: 'referral_loop' });
    expect(isRefusal(edit('d', 'a'))).toBe(false);
  });
});

describe('decideClientMerge', () => {
  it('keeps everything: consents joined, the birthday taken, earlier merges follow, the merged record points to the kept one', async () => {
    const state = await salon();
    const out = decideClientMerge(state, NOW, boss, { keepId: 'a', mergeId: 'b' }, 'm1');
    if (isRefusal(out)) throw new Error(out.reason);
    expect(out.changes.clients?.a).toMatchObject({ birthday: '1990-01-02', consents: [{ kind: 'terms' }, { kind: 'marketing' }] });
    expect(out.changes.clients?.b).toMatchObject({ mergedInto: 'a' });
    expect(out.changes.clients?.c).toMatchObject({ mergedInto: 'a' });
    expect(out.changes.clientChanges?.m1).toMatchObject({ kind: 'merge', clientId: 'a', otherClientId: 'b', by: 'olivia' });
    const after = { ...state, clients: { ...state.clients, ...(out.changes.clients as HubState['clients']) } };
    expect(mergeGroup(after, 'a').sort()).toEqual(['a', 'b', 'c']);
  });

  it("moves the merged record's follow-up calls to the kept one; an erasure removes a client's change log", async () => {
    const state = await salon();
    state.followUpTasks.t1 = {
      id: 't1', clientId: 'b', visitId: null, bookingId: null, productId: null, rule: 'birthday', dueDate: '2026-12-05',
      assigneeId: null, dedupeKey: 'k1', state: 'open', createdAt: NOW, attempts: [],
    } as HubState['followUpTasks'][string];
    const out = decideClientMerge(state, NOW, boss, { keepId: 'a', mergeId: 'b' }, 'm1');
    if (isRefusal(out)) throw new Error(out.reason);
    expect(out.changes.followUpTasks?.t1).toMatchObject({ clientId: 'a' });
    const after = { clientChanges: { m1: out.changes.clientChanges!.m1!, x: { ...out.changes.clientChanges!.m1!, id: 'x', clientId: 'z', otherClientId: null } } };
    expect(clientChangesErasure(after, 'b')).toEqual({ clientChanges: { m1: null } });
    expect(clientChangesErasure(after, 'nobody')).toEqual({});
  });

  it('refuses a record with itself, an unknown one and one already merged', async () => {
    const state = await salon();
    expect(decideClientMerge(state, NOW, boss, { keepId: 'a', mergeId: 'a' }, 'm')).toMatchObject({ reason: 'merge_self' });
    expect(decideClientMerge(state, NOW, boss, { keepId: 'a', mergeId: 'nobody' }, 'm')).toMatchObject({ code: 'not_found' });
    expect(decideClientMerge(state, NOW, boss, { keepId: 'a', mergeId: 'c' }, 'm')).toMatchObject({ reason: 'client_merged' });
  });
});
