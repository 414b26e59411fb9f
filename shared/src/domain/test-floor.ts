import type { Room } from '../schemas/room.schema.ts';
import type { Service } from '../schemas/service.schema.ts';
import type { StaffMember } from '../schemas/staff.schema.ts';
import type { Visit, VisitState } from '../schemas/visit.schema.ts';

/** Small builders for domain tests: a floor in a few lines. */
export const service = (id: string, skill: string, durationMin = 60, equipment: string[] = []): Service => ({
  id,
  category: 'facial',
  name: { en: id, 'zh-CN': id },
  durationMin,
  requiredSkill: skill,
  equipment,
  aftercare: { en: '', 'zh-CN': '' },
});

export const beautician = (id: string, skills: string[], extra: Partial<StaffMember> = {}): StaffMember => ({
  id,
  name: id,
  role: 'beautician',
  skills,
  active: true,
  ...extra,
});

export const room = (id: string, equipment: string[] = [], state: Room['state'] = 'free'): Room => ({
  id,
  name: id,
  equipment,
  state,
  visitId: null,
  cleaningBufferMin: 10,
});

export const visit = (id: string, serviceId: string, state: VisitState, extra: Partial<Visit> = {}): Visit => ({
  id,
  ticket: 'A001',
  clientId: `c-${id}`,
  serviceId,
  kind: 'walk_in',
  state,
  roomId: null,
  staffId: null,
  times: { checked_in: 0, queued: 0 },
  answers: {},
  rating: null,
  incident: false,
  language: 'en',
  ...extra,
});
