import { beforeEach, describe, expect, it } from 'vitest';
import type { ProblemReportInput } from '@glow/shared';
import { randomToken, sha256 } from '../security/secrets.ts';
import type { HubState } from '../store/hub-state.ts';
import { isRefusal } from './app-error.ts';
import { decideAcknowledgeComplaint, decideReportProblem, decideResolveComplaint, MAX_REPORTS_PER_VISIT } from './complaint.service.ts';
import { demoState, testVisit } from './test-state.ts';

const REPORT: ProblemReportInput = { kind: 'reaction', since: 'next_day', description: 'Itchy rash', contact: 'call' };
const manager = { staffId: 'olivia', role: 'manager' as const };

describe('problem reports', () => {
  let state: HubState;
  const token = randomToken();
  const open = () => true;
  beforeEach(async () => {
    state = await demoState();
    state.clients.c1 = { id: 'c1', firstName: 'Lina', lastName: 'Zhou', phone: '1380013', language: 'en', createdAt: 0, referredBy: null } as HubState['clients'][string];
    state.visits.v1 = testVisit({ id: 'v1', state: 'closed', times: { closed: 1000 } });
    state.links[sha256(token)] = { visitId: 'v1', purpose: 'aftercare', createdAt: 1000, expiresAt: 10_000_000, revokedAt: null };
  });

  const report = (input: ProblemReportInput, id: string, reportOpen = open) => {
    const decision = decideReportProblem(state, 2000, token, input, { complaintId: id, photo: null, reportOpen });
    if (!isRefusal(decision)) Object.assign(state.complaints, decision.changes.complaints);
    return decision;
  };

  it('makes a reaction or an injury an incident, anything else a complaint, timed from now', () => {
    expect(report(REPORT, 'k1')).toMatchObject({ result: { complaintId: 'k1' } });
    expect(state.complaints.k1).toMatchObject({ severity: 'incident', status: 'received', createdAt: 2000, visitId: 'v1', clientId: 'c1' });
    report({ ...REPORT, kind: 'result' }, 'k2');
    expect(state.complaints.k2?.severity).toBe('complaint');
  });

  it('refuses after the window, beyond the limit, and for a link that no longer works', () => {
    expect(report(REPORT, 'x', () => false)).toMatchObject({ code: 'conflict', reason: 'report_window_closed' });
    for (let i = 0; i < MAX_REPORTS_PER_VISIT; i++) report(REPORT, `k${i}`);
    expect(report(REPORT, 'one-more')).toMatchObject({ code: 'conflict', reason: 'too_many_reports' });
    state.links[sha256(token)]!.revokedAt = 1500;
    expect(decideReportProblem(state, 2000, token, REPORT, { complaintId: 'y', photo: null, reportOpen: open })).toMatchObject({
      code: 'not_found',
    });
  });

  it('goes received → handling → resolved, once each', () => {
    report(REPORT, 'k1');
    const ack = decideAcknowledgeComplaint(state, 3000, manager, 'k1');
    if (isRefusal(ack)) throw new Error(ack.code);
    Object.assign(state.complaints, ack.changes.complaints);
    expect(state.complaints.k1).toMatchObject({ status: 'handling', acknowledgedBy: 'olivia', acknowledgedAt: 3000 });
    expect(decideAcknowledgeComplaint(state, 3001, manager, 'k1')).toMatchObject({ reason: 'complaint_acknowledged' });
    const done = decideResolveComplaint(state, 4000, manager, 'k1', 'Free redo');
    if (isRefusal(done)) throw new Error(done.code);
    Object.assign(state.complaints, done.changes.complaints);
    expect(state.complaints.k1).toMatchObject({ status: 'resolved', resolvedBy: 'olivia', resolvedAt: 4000, resolution: 'Free redo' });
    expect(decideResolveComplaint(state, 4001, manager, 'k1', '')).toMatchObject({ reason: 'complaint_resolved' });
    expect(decideAcknowledgeComplaint(state, 4001, manager, 'nope')).toMatchObject({ code: 'not_found' });
  });
});
