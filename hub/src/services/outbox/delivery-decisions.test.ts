import { describe, expect, it } from 'vitest';
import type { EnqueueMessage, OutboxSettings } from '@glow/shared';
import { applyChanges } from '../../store/apply-changes.ts';
import { backoffMs, decideClaim, decideOutcome, decideRecoverInFlight, decideReduce, routeFor } from './delivery-decisions.ts';
import { decideEnqueueMessage, messageIdFor } from './enqueue-message.ts';
import { decideCancel, decideResend } from './manager-decisions.ts';
import { outboxTestState, testClient } from './test-outbox-state.ts';
import { isRefusal } from '../app-error.ts';

// 10:00 in Shanghai.
const NOW = Date.parse('2026-12-03T10:00:00+08:00');
const SMTP = { host: 'smtp.example.com', port: 587, tls: 'starttls' as const, user: '', sender: 'salon@example.com' };

function stateWith(count: number, settings: Partial<OutboxSettings> = {}, at = NOW) {
  const state = outboxTestState([testClient('c1', { email: 'mei@example.com' }), testClient('c2')], settings);
  for (let i = 0; i < count; i++) {
    const m: EnqueueMessage = { clientId: 'c1', purpose: 'service', kind: 'booking_eve', language: 'zh-CN', subject: 's', body: 'b', dedupeKey: `k${i}`, notBefore: at - 1000 + i };
    applyChanges(state, decideEnqueueMessage(state, at - 5000, m));
  }
  return state;
}
const id = (i: number) => messageIdFor(`k${i}`);

describe('claiming', () => {
  it('claims due messages (a batch), journaled as sending with the attempt counted and the route chosen', () => {
    const state = stateWith(7, { smtp: SMTP });
    const { changes, result } = decideClaim(state, NOW);
    expect(result.claimed).toEqual([0, 1, 2, 3, 4].map(id));
    expect(changes.outbox?.[id(0)]).toMatchObject({ state: 'sending', attempts: 1, channel: 'email', to: 'mei@example.com' });
    expect(changes.outbox?.[id(5)]).toBeUndefined();
  });

  it('routes a message still under a record merged away to the kept record’s address (#16 review)', () => {
    const state = stateWith(1, { smtp: SMTP });
    state.clients['c1'] = { ...state.clients['c1']!, mergedInto: 'c2' };
    state.clients['c2'] = { ...state.clients['c2']!, email: 'kept@example.com' };
    expect(decideClaim(state, NOW).changes.outbox?.[id(0)]).toMatchObject({ state: 'sending', channel: 'email', to: 'kept@example.com' });
  });

  it('routes by the client and the settings: e-mail, else the webhook with the phone, else a file', () => {
    const state = stateWith(0, { smtp: SMTP, webhookUrl: 'https://gw.example.com/sms' });
    expect(routeFor(state.clients['c1']!, state)).toEqual({ channel: 'email', to: 'mei@example.com' });
    expect(routeFor(state.clients['c2']!, state)).toEqual({ channel: 'webhook', to: '+8613800138000' });
    const plain = stateWith(0);
    expect(routeFor(plain.clients['c1']!, plain).channel).toBe('file');
  });

  it('holds everything in the quiet hours until they end (salon time)', () => {
    const night = Date.parse('2026-12-03T22:00:00+08:00');
    const state = stateWith(2, {}, night);
    const { changes, result } = decideClaim(state, night);
    expect(result.claimed).toEqual([]);
    expect(changes.outbox?.[id(0)]?.nextAttemptAt).toBe(Date.parse('2026-12-04T09:00:00+08:00'));
    applyChanges(state, changes);
    expect(decideClaim(state, night + 60_000).changes).toEqual({});
  });

  it('keeps to the daily cap: the rest wait for the next day (after its quiet hours)', () => {
    const state = stateWith(4, { dailyCap: 3 });
    const first = decideClaim(state, NOW);
    expect(first.result.claimed).toHaveLength(3);
    expect(first.changes.outbox?.[id(3)]?.nextAttemptAt).toBe(Date.parse('2026-12-04T09:00:00+08:00'));
    applyChanges(state, first.changes);
    for (const claimed of first.result.claimed) applyChanges(state, decideOutcome(state, NOW + 1000, claimed, { ok: true, detail: '250' }));
    expect(decideClaim(state, NOW + 2000).result.claimed).toEqual([]);
    expect(decideClaim(state, Date.parse('2026-12-04T09:00:00+08:00')).result.claimed).toEqual([id(3)]);
  });

  it('fails a message whose client is gone', () => {
    const state = stateWith(1);
    delete state.clients['c1'];
    expect(decideClaim(state, NOW).changes.outbox?.[id(0)]).toMatchObject({ state: 'failed', lastError: { code: 'client_gone' } });
  });
});

describe('outcomes', () => {
  const claimed = (settings: Partial<OutboxSettings> = {}) => {
    const state = stateWith(1, settings);
    applyChanges(state, decideClaim(state, NOW).changes);
    return state;
  };

  it('sent', () => {
    const state = claimed();
    applyChanges(state, decideOutcome(state, NOW + 5, id(0), { ok: true, detail: '250 OK' }));
    expect(state.outbox[id(0)]).toMatchObject({ state: 'sent', sentAt: NOW + 5, settledAt: NOW + 5, lastError: null });
  });

  it('a temporary failure is tried again after an exponential back-off, then given up with the reason', () => {
    const state = claimed({ maxAttempts: 3 });
    const fail = { ok: false as const, code: 'refused_temporary' as const, temporary: true, detail: '451 try later' };
    applyChanges(state, decideOutcome(state, NOW, id(0), fail));
    expect(state.outbox[id(0)]).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: NOW + 60_000, lastError: { code: 'refused_temporary' } });
    applyChanges(state, decideClaim(state, NOW + 60_000).changes);
    applyChanges(state, decideOutcome(state, NOW + 60_000, id(0), fail));
    expect(state.outbox[id(0)]).toMatchObject({ state: 'queued', attempts: 2, nextAttemptAt: NOW + 60_000 + 120_000 });
    applyChanges(state, decideClaim(state, NOW + 180_000).changes);
    applyChanges(state, decideOutcome(state, NOW + 180_000, id(0), fail));
    expect(state.outbox[id(0)]).toMatchObject({ state: 'failed', attempts: 3, lastError: { code: 'too_many_tries', detail: 'refused_temporary: 451 try later' } });
    expect(backoffMs(20)).toBe(2 * 3_600_000);
  });

  it('a permanent refusal fails at once with the server’s words', () => {
    const state = claimed();
    applyChanges(state, decideOutcome(state, NOW, id(0), { ok: false, code: 'refused_permanent', temporary: false, detail: '550 no such user' }));
    expect(state.outbox[id(0)]).toMatchObject({ state: 'failed', attempts: 1, lastError: { code: 'refused_permanent', detail: '550 no such user' } });
  });

  it('an outcome for a message no longer sending changes nothing', () => {
    const state = stateWith(1);
    expect(decideOutcome(state, NOW, id(0), { ok: true, detail: '' })).toEqual({});
  });
});

describe('after a crash, reduction, manager', () => {
  it('marks e-mail in flight uncertain (never resent by itself) and queues a file again', () => {
    const state = outboxTestState([testClient('c1', { email: 'a@b.cn' }), testClient('c2')], { smtp: SMTP });
    for (const [i, c] of ['c1', 'c2'].entries()) {
      applyChanges(state, decideEnqueueMessage(state, NOW, { clientId: c, purpose: 'service', kind: 'x', language: 'en', subject: 's', body: 'b', dedupeKey: `k${i}`, notBefore: 0 }));
    }
    applyChanges(state, decideClaim(state, NOW).changes);
    applyChanges(state, decideRecoverInFlight(state, NOW + 10)!);
    expect(state.outbox[id(0)]).toMatchObject({ state: 'uncertain', lastError: { code: 'crashed_while_sending' } });
    expect(state.outbox[id(1)]).toMatchObject({ state: 'queued', channel: 'file' });
    expect(decideClaim(state, NOW + 20).result.claimed).toEqual([id(1)]);
    expect(decideRecoverInFlight(stateWith(1), NOW)).toBeNull();
    // The manager may send it again; a sent one may not be.
    const again = decideResend(state, NOW + 30, id(0));
    expect(!isRefusal(again) && again.changes.outbox?.[id(0)]).toMatchObject({ state: 'queued', attempts: 0 });
    expect(decideResend(state, NOW, id(1))).toMatchObject({ reason: 'outbox_not_resendable' });
    expect(decideCancel(state, NOW, 'nope')).toMatchObject({ code: 'not_found' });
  });

  it('reduces settled messages to a delivery record after the salon’s days', () => {
    const state = stateWith(1, { keepBodiesDays: 30 });
    applyChanges(state, decideClaim(state, NOW).changes);
    applyChanges(state, decideOutcome(state, NOW, id(0), { ok: true, detail: '' }));
    expect(decideReduce(state, NOW + 29 * 86_400_000)).toBeNull();
    applyChanges(state, decideReduce(state, NOW + 30 * 86_400_000)!);
    expect(state.outbox[id(0)]).toMatchObject({ state: 'sent', subject: '', body: '', reduced: true, sentAt: NOW });
  });
});
