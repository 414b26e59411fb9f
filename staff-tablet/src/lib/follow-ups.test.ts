import { describe, expect, it } from 'vitest';
import type { FollowUpTask } from '@glow/shared';
import { followUpGroups, nextDays, retryAtOf, salonMoment, salonToday } from './follow-ups.ts';

const task = (id: string, o: Partial<FollowUpTask> = {}): FollowUpTask => ({
  id, clientId: 'c1', visitId: null, bookingId: null, productId: null, rule: 'day1', dueDate: '2026-12-03', assigneeId: 'anna',
  dedupeKey: id, state: 'open', createdAt: 0, attempts: [], ...o,
});

describe('followUpGroups', () => {
  const tasks = [
    task('late', { dueDate: '2026-12-01' }),
    task('retry', { attempts: [{ at: 5, by: 'anna', outcome: 'no_answer', note: '', retryAt: 900, complaintId: null }] }),
    task('today'),
    task('desk', { assigneeId: null }),
    task('soon', { dueDate: '2026-12-05' }),
    task('done', { state: 'done', attempts: [{ at: 7, by: 'anna', outcome: 'reached', note: '', retryAt: null, complaintId: null }] }),
  ];
  it('splits overdue, today, upcoming and finished, in the order they are due', () => {
    const g = followUpGroups(tasks, '2026-12-03', { kind: 'all' });
    expect(g.overdue.map((t) => t.id)).toEqual(['late']);
    expect(g.today.map((t) => t.id)).toEqual(['desk', 'today', 'retry']);
    expect(g.upcoming.map((t) => t.id)).toEqual(['soon']);
    expect(g.finished.map((t) => t.id)).toEqual(['done']);
  });
  it('filters the front desk’s and one beautician’s', () => {
    expect(followUpGroups(tasks, '2026-12-03', { kind: 'desk' }).today.map((t) => t.id)).toEqual(['desk']);
    expect(followUpGroups(tasks, '2026-12-03', { kind: 'staff', staffId: 'mei' }).today).toEqual([]);
  });
  it('knows when a task is tried again', () => {
    expect(retryAtOf(tasks[1]!)).toBe(900);
    expect(retryAtOf(tasks[5]!)).toBeNull();
  });
});

describe('salon days and moments', () => {
  it('reads days and times in the salon’s zone, not the tablet’s', () => {
    expect(salonMoment('2026-12-03', '15:30', 'Asia/Shanghai')).toBe(Date.UTC(2026, 11, 3, 7, 30));
    expect(salonMoment('2026-12-03', '25:00', 'Asia/Shanghai')).toBeNull();
    expect(salonToday(Date.UTC(2026, 11, 3, 17), 'Asia/Shanghai')).toBe('2026-12-04');
    expect(nextDays('2026-12-30', 3)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });
});
