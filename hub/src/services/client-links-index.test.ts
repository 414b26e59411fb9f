import { describe, expect, it } from 'vitest';
import { testClient } from './outbox/test-outbox-state.ts';
import { ClientLinksIndex } from './client-links-index.ts';
import { mergeGroup } from './client-record/client-record.ts';
import { outboxTestState } from './outbox/test-outbox-state.ts';

describe('ClientLinksIndex', () => {
  it('follows merges and shared numbers as the records change, and answers as the scan of every client does', () => {
    const state = outboxTestState([
      testClient('a', { phone: '+8613800000001' }),
      testClient('b', { phone: '+8613800000001', duplicateOf: 'a' }),
      testClient('c', { phone: '+8613800000002' }),
    ]);
    const links = new ClientLinksIndex();
    links.rebuild(state.clients);
    expect([...links.withPhone('+8613800000001')].sort()).toEqual(['a', 'b']);
    expect(links.mergedInto('a')).toEqual([]);
    // b is merged into a, then a into c (a chain); c's number is corrected.
    const changes = {
      b: { ...state.clients.b!, mergedInto: 'a' },
      a: { ...state.clients.a!, mergedInto: 'c' },
      c: { ...state.clients.c!, phone: '+8613800000003' },
    };
    Object.assign(state.clients, changes);
    links.note(changes);
    expect(mergeGroup(state, 'c', links)).toEqual(mergeGroup(state, 'c'));
    expect(mergeGroup(state, 'c', links)).toEqual(['c', 'a', 'b']);
    expect(links.withPhone('+8613800000002')).toEqual([]);
    expect(links.withPhone('+8613800000003')).toEqual(['c']);
    // A record erased leaves every list.
    delete state.clients.b;
    links.note({ b: null });
    expect(mergeGroup(state, 'c', links)).toEqual(['c', 'a']);
    expect(links.withPhone('+8613800000001')).toEqual(['a']);
  });
});
