import { describe, expect, it } from 'vitest';
import type { Incident, Room, Service, StaffMember, StaffView, VisitCard } from '@glow/shared';
import { freeRoomsFor, lowRatings, moveInQueue, openIncidents, queueList, roomClock, staffFor, staffStatus } from './floor.ts';

const NOW = 1_800_000_000_000;
const service: Service = {
  id: 'facial',
  category: 'facial',
  name: { en: 'Facial', 'zh-CN': '面部' },
  durationMin: 60,
  requiredSkill: 'facial',
  equipment: ['bed'],
  aftercare: { en: '', 'zh-CN': '' },
};
const room = (id: string, over: Partial<Room> = {}): Room => ({
  id,
  name: id,
  equipment: ['bed'],
  state: 'free',
  visitId: null,
  cleaningBufferMin: 10,
  cleaningUntil: null,
  ...over,
});
const member = (id: string, skills = ['facial']): StaffMember => ({
  id,
  name: id,
  role: 'beautician',
  skills,
  active: true,
  weeklyShifts: [null, null, null, null, null, null, null],
});
const visit = (id: string, over: Partial<VisitCard> = {}): VisitCard => ({
  id,
  ticket: id.toUpperCase(),
  clientId: 'c',
  serviceId: 'facial',
  kind: 'walk_in',
  state: 'queued',
  roomId: null,
  staffId: null,
  times: { queued: NOW - 1000 },
  rating: null,
  incident: false,
  language: 'en',
  preferredStaffId: null,
  waitForPreferred: false,
  dueAt: null,
  queueRank: 0,
  plan: null,
  notes: [],
  aftercare: null,
  handBacks: [],
  acceptedAt: null,
  blocked: false,
  blockOverride: null,
  consultationInPerson: false,
  returningClient: false,
  inRoomConsultation: null,
  identityCheck: null,
  answersToReview: false,
  saysBooked: false,
  signed: false,
  clientName: 'Lina Z.',
  consultation: { status: 'done', flags: [], answers: [] },
  overrun: false,
  estimateMin: 5,
  ...over,
});
const view = (over: Partial<StaffView> = {}): StaffView => ({
  visits: {},
  rooms: {},
  staff: {},
  services: { facial: service },
  incidents: {},
  complaints: {},
  aftercare: {},
  salonSettings: {},
  bookings: {},
  tasks: {},
  availability: {},
  devices: {},
  settings: { floor: { autoAssign: true, preferredWaitLimitMin: 20, timeZone: 'UTC' } },
  questionnaires: {},
  categories: {},
  skills: {},
  equipment: {},
  products: {},
  followUpTasks: {},
  followUpSettings: {},
  recordChanges: {},
  mergeProposals: {},
  outboxStatus: {},
  ...over,
});

describe('queue', () => {
  const a = visit('a', { queueRank: 3 });
  const b = visit('b', { queueRank: 1 });
  const c = visit('c', { queueRank: 2, state: 'assigned' });
  const d = visit('d', { queueRank: 5, state: 'checked_in' });
  const list = queueList({ a, b, c, d });

  it('lists waiting clients by queue rank, without those already given a room', () => {
    expect(list.map((v) => v.id)).toEqual(['b', 'a', 'd']);
  });

  it('moves one place up or down with queue:reorder inputs', () => {
    expect(moveInQueue(list, 1, -1)).toEqual({ visitId: 'a', beforeVisitId: 'b' });
    expect(moveInQueue(list, 0, 1)).toEqual({ visitId: 'b', beforeVisitId: 'd' });
    expect(moveInQueue(list, 1, 1)).toEqual({ visitId: 'a', beforeVisitId: null });
    expect(moveInQueue(list, 0, -1)).toBeNull();
    expect(moveInQueue(list, 2, 1)).toBeNull();
  });
});

describe('room clocks', () => {
  it('times a session against the plan, and flags an overrun past it', () => {
    const v = visit('v', { state: 'in_service', times: { in_service: NOW - 50 * 60_000 }, plan: null });
    const r = room('r1', { state: 'occupied', visitId: 'v' });
    expect(roomClock(view(), r, v, NOW)).toEqual({ kind: 'session', elapsedMs: 50 * 60_000, plannedMs: 60 * 60_000, overrun: false });
    const planned = { ...v, plan: { ...planOf(45) } };
    expect(roomClock(view(), r, planned, NOW)).toMatchObject({ plannedMs: 45 * 60_000, overrun: true });
  });

  it('counts down the cleaning buffer, never below zero', () => {
    expect(roomClock(view(), room('r', { state: 'cleaning', cleaningUntil: NOW + 90_000 }), null, NOW)).toEqual({
      kind: 'cleaning',
      remainingMs: 90_000,
    });
    expect(roomClock(view(), room('r', { state: 'cleaning', cleaningUntil: NOW - 5 }), null, NOW)).toEqual({
      kind: 'cleaning',
      remainingMs: 0,
    });
  });
});

const planOf = (durationMin: number) => ({
  serviceIds: ['facial'],
  products: [],
  intensity: 'standard' as const,
  durationMin,
  notes: '',
  version: 2,
  editedBy: 'mei',
  editedAt: NOW,
  approvedVersion: 2,
  approvedAt: NOW,
});

describe('assignment choices', () => {
  const v = visit('v');
  const floor = view({
    rooms: { r1: room('r1'), r2: room('r2', { equipment: [] }), r3: room('r3', { state: 'cleaning' }) },
    staff: { mei: member('mei'), sofia: member('sofia', ['nails']), anna: member('anna') },
    availability: {
      mei: { staffId: 'mei', onShift: true, onBreak: false, visitId: null },
      sofia: { staffId: 'sofia', onShift: true, onBreak: false, visitId: null },
      anna: { staffId: 'anna', onShift: true, onBreak: true, visitId: null },
    },
  });

  it('offers free rooms, those with the equipment first', () => {
    expect(freeRoomsFor(floor, v).map((r) => [r.room.id, r.fits])).toEqual([
      ['r1', true],
      ['r2', false],
    ]);
  });

  it('offers beauticians with the reason they may not fit', () => {
    expect(staffFor(floor, v).map((s) => [s.staff.id, s.hint])).toEqual([
      ['mei', null],
      ['anna', 'on_break'],
      ['sofia', 'not_qualified'],
    ]);
    expect(staffStatus(floor, 'nobody').kind).toBe('off_shift');
  });
});

describe('low ratings and incidents', () => {
  it('lists the closed CSAT ≤ 2 visits the hub sends, newest first (the hub, on its clock, drops them after the hour)', () => {
    const rating = (csat: number) => ({ csat, nps: null, tags: [], comment: '' });
    const visits = {
      a: visit('a', { state: 'closed', rating: rating(2), times: { closed: NOW - 10 * 60_000 } }),
      b: visit('b', { state: 'closed', rating: rating(1), times: { closed: NOW - 5 * 60_000 } }),
      c: visit('c', { state: 'closed', rating: rating(3), times: { closed: NOW - 60_000 } }),
      d: visit('d', { state: 'in_service', rating: null, times: { in_service: NOW - 60_000 } }),
    };
    expect(lowRatings(view({ visits })).map((v) => v.id)).toEqual(['b', 'a']);
  });

  it('puts unacknowledged incidents first, oldest first, and hides resolved ones', () => {
    const incident = (id: string, raisedAt: number, acked: boolean, resolved = false): Incident => ({
      id,
      kind: 'other',
      visitId: null,
      roomId: null,
      raisedBy: 'mei',
      raisedAt,
      note: '',
      acknowledgedBy: acked ? 'olivia' : null,
      acknowledgedAt: acked ? raisedAt + 1 : null,
      resolvedAt: resolved ? raisedAt + 2 : null,
      resolution: '',
    });
    const incidents = { a: incident('a', 1, true), b: incident('b', 3, false), c: incident('c', 2, false), d: incident('d', 0, true, true) };
    expect(openIncidents(view({ incidents })).map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });
});
