import { describe, expect, it } from 'vitest';
import { consultationPending } from './consultation-status.ts';

describe('consultationPending', () => {
  it('is pending only while a consultation not done at the kiosk has not been recorded in the room', () => {
    expect(consultationPending({ consultationInPerson: false, inRoomConsultation: null })).toBe(false);
    expect(consultationPending({ consultationInPerson: true, inRoomConsultation: null })).toBe(true);
    expect(consultationPending({ consultationInPerson: true, inRoomConsultation: { by: 'mei', at: 1 } })).toBe(false);
  });
});
