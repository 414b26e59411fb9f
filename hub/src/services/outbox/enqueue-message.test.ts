import { describe, expect, it } from 'vitest';
import type { EnqueueMessage } from '@glow/shared';
import { applyChanges } from '../../store/apply-changes.ts';
import { decideEnqueueMessage, enqueueMessage, messageIdFor } from './enqueue-message.ts';
import { outboxErasure } from './erasure.ts';
import { outboxTestState, testClient } from './test-outbox-state.ts';

const NOW = Date.UTC(2026, 11, 3, 2, 0);
const message = (overrides: Partial<EnqueueMessage> = {}): EnqueueMessage => ({
  clientId: 'c1',
  purpose: 'service',
  kind: 'booking_eve',
  language: 'zh-CN',
  subject: '明天的预约',
  body: '王女士您好，提醒您明天 10:00 的预约。',
  dedupeKey: 'booking_eve:b1',
  notBefore: NOW + 3_600_000,
  ...overrides,
});
const optedIn = { kind: 'marketing' as const, version: 1, granted: true, at: 1 };
const optedOut = { kind: 'marketing' as const, version: 1, granted: false, at: 2 };

describe('decideEnqueueMessage', () => {
  it('queues a message, waiting until its time, with an id derived from its dedupe key', () => {
    const state = outboxTestState([testClient('c1')]);
    const changes = decideEnqueueMessage(state, NOW, message());
    const queued = changes.outbox?.[messageIdFor('booking_eve:b1')];
    expect(queued).toMatchObject({ state: 'queued', attempts: 0, nextAttemptAt: NOW + 3_600_000, createdAt: NOW, reduced: false });
  });

  it('is idempotent by dedupe key: the same key again changes nothing and says why', () => {
    const state = outboxTestState([testClient('c1')]);
    applyChanges(state, decideEnqueueMessage(state, NOW, message()));
    const reasons: string[] = [];
    expect(decideEnqueueMessage(state, NOW + 1, message({ body: 'other text' }), (why) => reasons.push(why.reason))).toEqual({});
    expect(reasons).toEqual(['duplicate']);
  });

  it('refuses marketing to a client who opted out, or never opted in, but queues their service messages', () => {
    const state = outboxTestState([
      testClient('out', { consents: [optedIn, optedOut] }),
      testClient('never'),
      testClient('in', { consents: [optedOut, { ...optedIn, at: 3 }] }),
    ]);
    const reasons: string[] = [];
    const log = (why: { reason: string }) => reasons.push(why.reason);
    expect(decideEnqueueMessage(state, NOW, message({ clientId: 'out', purpose: 'marketing', dedupeKey: 'm1' }), log)).toEqual({});
    expect(decideEnqueueMessage(state, NOW, message({ clientId: 'never', purpose: 'marketing', dedupeKey: 'm2' }), log)).toEqual({});
    expect(reasons).toEqual(['opted_out', 'no_marketing_consent']);
    expect(decideEnqueueMessage(state, NOW, message({ clientId: 'in', purpose: 'marketing', dedupeKey: 'm3' })).outbox).toBeDefined();
    expect(decideEnqueueMessage(state, NOW, message({ clientId: 'out', purpose: 'service', dedupeKey: 's1' })).outbox).toBeDefined();
  });

  it('refuses an unknown client and malformed input without throwing', () => {
    const state = outboxTestState([testClient('c1')]);
    expect(enqueueMessage(state, NOW, message({ clientId: 'ghost' }))).toEqual({ refused: 'unknown_client' });
    expect(enqueueMessage(state, NOW, message({ subject: '  ' }))).toMatchObject({ refused: 'invalid' });
    expect(enqueueMessage(state, NOW, message({ body: 'x'.repeat(20_001) }))).toMatchObject({ refused: 'invalid' });
  });

  it('a message due in the past is due now', () => {
    const state = outboxTestState([testClient('c1')]);
    const outcome = enqueueMessage(state, NOW, message({ notBefore: NOW - 10_000 }));
    expect('queued' in outcome && outcome.queued.nextAttemptAt).toBe(NOW);
  });
});

describe('outboxErasure', () => {
  it("removes every message of the client's and no one else's", () => {
    const state = outboxTestState([testClient('c1'), testClient('c2')]);
    applyChanges(state, decideEnqueueMessage(state, NOW, message({ dedupeKey: 'a' })));
    applyChanges(state, decideEnqueueMessage(state, NOW, message({ dedupeKey: 'b' })));
    applyChanges(state, decideEnqueueMessage(state, NOW, message({ clientId: 'c2', dedupeKey: 'c' })));
    expect(outboxErasure(state, 'c1')).toEqual({ outbox: { [messageIdFor('a')]: null, [messageIdFor('b')]: null } });
    expect(outboxErasure(state, 'nobody')).toEqual({});
  });
});

describe('a message asked for under a record merged away (#16 review)', () => {
  it('is queued for the kept record, so it goes to her address and follows her consents', () => {
    const state = outboxTestState([
      testClient('kept', { email: 'kept@example.com', consents: [optedIn] }),
      testClient('gone', { email: 'old@example.com', mergedInto: 'kept' }),
      testClient('older', { mergedInto: 'gone' }),
    ]);
    const queued = decideEnqueueMessage(state, NOW, message({ clientId: 'gone' })).outbox?.[messageIdFor('booking_eve:b1')];
    expect(queued?.clientId).toBe('kept');
    // Through a chain of merges, and the kept record's marketing consent is the one that counts.
    const marketing = enqueueMessage(state, NOW, message({ clientId: 'older', purpose: 'marketing', dedupeKey: 'm-older' }));
    expect(marketing).toMatchObject({ queued: { clientId: 'kept' } });
  });
});
