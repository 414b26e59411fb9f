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

const category = (id: string, order: number, en: string, zh: string, archived = false) => ({
  id,
  name: { en, 'zh-CN': zh },
  order,
  consultation: true,
  archived,
});

const view: KioskView = {
  categories: {
    nails: category('nails', 1, 'Nails', '美甲'),
    facial: category('facial', 0, 'Facial', '面部护理'),
    body: category('body', 2, 'Body', '身体护理'),
  },
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
  it('lists the salon’s categories in its order, skips empty ones, and sorts by name in the language on screen', () => {
    const groups = groupServices(view, 'en');
    expect(groups.map((g) => g.category)).toEqual(['facial', 'nails']);
    expect(groups[0]?.services.map((s) => s.id)).toEqual(['a', 'b']);
    expect(groups[0]?.label).toBe('Facial');
    expect(groupServices(view, 'zh-CN')[1]?.label).toBe('美甲');
  });

  it('follows the manager’s order and leaves out archived categories and services', () => {
    const reordered: typeof view = {
      ...view,
      categories: { ...view.categories, nails: category('nails', 0, 'Nails', '美甲'), facial: category('facial', 5, 'Facial', '面部护理') },
      services: { ...view.services, b: { ...view.services.b!, archived: true } },
    };
    expect(groupServices(reordered, 'en').map((g) => g.category)).toEqual(['nails', 'facial']);
    expect(groupServices(reordered, 'en')[1]?.services.map((s) => s.id)).toEqual(['a']);
    const closed = { ...view, categories: { ...view.categories, nails: category('nails', 1, 'Nails', '美甲', true) } };
    expect(groupServices(closed, 'en').map((g) => g.category)).toEqual(['facial']);
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
