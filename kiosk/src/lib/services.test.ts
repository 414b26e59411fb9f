import type { KioskView, Service, Ticket } from '@glow/shared';
import { describe, expect, it } from 'vitest';
import { groupServices, serviceWait } from './services.ts';

const service = (id: string, category: Service['category'], en: string, zh: string): Service => ({
  id,
  category,
  name: { en, 'zh-CN': zh },
  durationMin: 30,
  requiredSkill: 'skill',
  equipment: [],
  aftercare: { en: '', 'zh-CN': '' },
});
const ticket = (serviceId: string, state: Ticket['state']): Ticket => ({ ticket: 'A001', state, serviceId, estimateMin: 5, beautician: null });

const view: KioskView = {
  consents: {},
  questionnaires: {},
  services: {
    n: service('n', 'nails', 'Gel manicure', '凝胶美甲'),
    b: service('b', 'facial', 'Hydrating facial', '补水'),
    a: service('a', 'facial', 'Classic facial', '经典'),
  },
  tickets: { v1: ticket('a', 'queued'), v2: ticket('a', 'checked_in'), v3: ticket('a', 'in_service'), v4: ticket('n', 'queued') },
  waits: { a: { serviceId: 'a', estimateMin: 40, waiting: 2 } },
};

describe('groupServices', () => {
  it('lists categories in the lobby order, skips empty ones, and sorts by name in the language on screen', () => {
    const groups = groupServices(view.services, 'en');
    expect(groups.map((g) => g.category)).toEqual(['facial', 'nails']);
    expect(groups[0]?.services.map((s) => s.id)).toEqual(['a', 'b']);
    expect(groups[0]?.label).toBe('kiosk.service.category.facial');
  });
});

describe('serviceWait', () => {
  it('uses the hub’s wait for the service', () => {
    expect(serviceWait(view, 'a')).toEqual({ waiting: 2, estimateMin: 40 });
  });

  it('counts the waiting tickets when the hub sent no wait for it', () => {
    expect(serviceWait(view, 'n')).toEqual({ waiting: 1, estimateMin: null });
    expect(serviceWait(view, 'b')).toEqual({ waiting: 0, estimateMin: null });
  });
});
