import { describe, expect, it } from 'vitest';
import type { ClientRecord, StaffView } from '@glow/shared';
import { recordWatchKey } from './record-watch.ts';

const record = { client: { id: 'c1' }, mergedFrom: [{ id: 'c0', name: 'old' }], bookings: [{ id: 'b1' }] } as unknown as ClientRecord;
type Watched = Pick<StaffView, 'recordChanges' | 'visits' | 'followUpTasks' | 'complaints' | 'bookings'>;
const empty = (): Watched => ({ recordChanges: {}, visits: {}, followUpTasks: {}, complaints: {}, bookings: {} });
const visit = (id: string, clientId: string, state: string, extra: object = {}) =>
  ({ id, clientId, state, notes: [], rating: null, estimateMin: 5, ...extra }) as unknown as StaffView['visits'][string];

describe('recordWatchKey', () => {
  it("changes when another tablet corrects or merges the record, or one of the group's visits or calls moves on", () => {
    const view = empty();
    const before = recordWatchKey(view, record);
    view.recordChanges['e1'] = { clientIds: ['c9', 'c0'], at: 1, about: 'record', version: 'e1' };
    const merged = recordWatchKey(view, record);
    expect(merged).not.toBe(before);
    view.visits['v1'] = visit('v1', 'c1', 'in_service');
    const inService = recordWatchKey(view, record);
    expect(inService).not.toBe(merged);
    delete view.visits['v1']; // closed: it leaves the floor
    expect(recordWatchKey(view, record)).not.toBe(inService);
    view.followUpTasks['t1'] = { id: 't1', clientId: 'c1', state: 'open', attempts: [], dueDate: '2026-12-03' } as unknown as StaffView['followUpTasks'][string];
    const open = recordWatchKey(view, record);
    view.followUpTasks['t1'] = { ...view.followUpTasks['t1']!, state: 'done', attempts: [{}] } as unknown as StaffView['followUpTasks'][string];
    expect(recordWatchKey(view, record)).not.toBe(open);
  });

  it("stays the same for other clients' changes and for a wait that moves with the clock", () => {
    const view = empty();
    view.visits['v1'] = visit('v1', 'c1', 'queued');
    const before = recordWatchKey(view, record);
    view.recordChanges['e2'] = { clientIds: ['c7'], at: 1, about: 'record', version: 'e2' };
    view.recordChanges['b-b7'] = { clientIds: ['c7'], at: 1, about: 'booking', version: 'x' };
    view.visits['v2'] = visit('v2', 'c7', 'queued');
    view.visits['v1'] = visit('v1', 'c1', 'queued', { estimateMin: 12 });
    expect(recordWatchKey(view, record)).toBe(before);
  });

  it('changes when a booking, call, message or complaint of hers (or of the record merged into hers) changes elsewhere', () => {
    const view = empty();
    const before = recordWatchKey(view, record);
    view.recordChanges['b-b9'] = { clientIds: ['c0', 'c1'], at: 5, about: 'booking', version: 'v1' };
    const booked = recordWatchKey(view, record);
    expect(booked).not.toBe(before);
    // The same booking moved on her phone: same entry, a new stamp.
    view.recordChanges['b-b9'] = { clientIds: ['c0', 'c1'], at: 5, about: 'booking', version: 'v2' };
    const moved = recordWatchKey(view, record);
    expect(moved).not.toBe(booked);
    view.recordChanges['m-m1'] = { clientIds: ['c1'], at: 6, about: 'message', version: 'sent' };
    expect(recordWatchKey(view, record)).not.toBe(moved);
  });
});
