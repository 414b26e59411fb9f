import { describe, expect, it } from 'vitest';
import type { ComplaintCard, StaffView } from '@glow/shared';
import { openComplaints, resolvedComplaints } from './complaints.ts';

const card = (id: string, status: ComplaintCard['status'], createdAt: number): ComplaintCard => ({
  id,
  visitId: 'v',
  clientId: 'c',
  severity: 'complaint',
  kind: 'result',
  since: 'same_day',
  description: 'x',
  contact: 'none',
  language: 'en',
  createdAt,
  status,
  acknowledgedBy: null,
  acknowledgedAt: null,
  resolvedBy: null,
  resolvedAt: null,
  resolution: '',
  clientName: 'A',
  clientPhone: null,
  serviceId: 's',
  ticket: 'A001',
  hasPhoto: false,
});

describe('openComplaints', () => {
  it('lists the unacknowledged reports first, oldest first, and leaves resolved ones out', () => {
    const view = {
      complaints: { a: card('a', 'handling', 1), b: card('b', 'received', 5), c: card('c', 'received', 2), d: card('d', 'resolved', 0) },
    } as unknown as StaffView;
    expect(openComplaints(view).map((c) => c.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('resolvedComplaints', () => {
  it('keeps resolved reports in a history, the latest resolved first, and no open one', () => {
    const view = {
      complaints: {
        a: { ...card('a', 'resolved', 1), resolvedAt: 10 },
        b: { ...card('b', 'resolved', 2), resolvedAt: 30 },
        c: card('c', 'received', 3),
      },
    } as unknown as StaffView;
    expect(resolvedComplaints(view).map((c) => c.id)).toEqual(['b', 'a']);
  });
});
