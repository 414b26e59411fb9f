import { describe, expect, it } from 'vitest';
import { newVisit } from '@glow/shared';
import { visitFields } from './009-visit-fields.ts';

describe('migration 9: visit fields old data lacked', () => {
  it('gives a visit stored before them the value their absence meant: what a new visit starts with', () => {
    const fresh = newVisit({ id: 'v', ticket: 'A001', clientId: 'c', serviceId: 's', language: 'en', at: 0 });
    const gained = ['blocked', 'blockOverride', 'consultationInPerson', 'returningClient', 'inRoomConsultation', 'identityCheck', 'answersToReview', 'saysBooked'] as const;
    const out = visitFields.up({ visits: { v: { id: 'v', state: 'queued' } } }) as { visits: Record<string, Record<string, unknown>> };
    expect(out.visits['v']).toEqual({ id: 'v', state: 'queued', ...Object.fromEntries(gained.map((f) => [f, fresh[f]])) });
  });

  it('keeps the values a visit has, filling only what is missing', () => {
    const held = { id: 'h', blocked: true, identityCheck: 'returning_unproven' };
    const out = visitFields.up({ visits: { h: held } }) as { visits: Record<string, Record<string, unknown>> };
    expect(out.visits['h']).toMatchObject({ blocked: true, identityCheck: 'returning_unproven', saysBooked: false });
  });

  it('leaves a current visit, a deletion and data without visits as they are', () => {
    const current = {
      visits: {
        v: { id: 'v', blocked: false, blockOverride: null, consultationInPerson: true, returningClient: true, inRoomConsultation: null, identityCheck: null, answersToReview: false, saysBooked: true },
        gone: null,
      },
    };
    expect(visitFields.up(current)).toBe(current);
    const other = { clients: { c: { id: 'c' } } };
    expect(visitFields.up(other)).toBe(other);
  });
});
