import { beforeEach, describe, expect, it } from 'vitest';
import { randomToken, sha256 } from '../security/secrets.ts';
import type { HubState } from '../store/hub-state.ts';
import { decideMarketingOptOut } from './aftercare-opt-out.service.ts';
import { decideRevokeAftercareLinks } from './aftercare-link.service.ts';
import { decideSetAftercareSettings } from './aftercare-settings.ts';
import { findAftercareSheet } from './aftercare.service.ts';
import { isRefusal } from './app-error.ts';
import { demoState, testVisit } from './test-state.ts';

const DAY = 24 * 60 * 60 * 1000;
const CLOSED = Date.UTC(2026, 5, 10, 9, 0);

describe('the aftercare sheet', () => {
  let state: HubState;
  const token = randomToken();
  beforeEach(async () => {
    state = await demoState();
    state.clients.c1 = {
      id: 'c1', firstName: 'Lina', lastName: 'Zhou', phone: '13800138000', language: 'zh-CN', createdAt: 0, referredBy: null,
      birthday: '1990-04-12', consents: [{ kind: 'marketing', version: 1, granted: true, at: 5 }], lastAnswers: {},
    } as HubState['clients'][string];
    state.visits.v1 = testVisit({
      id: 'v1', serviceId: 'body-massage', state: 'closed', roomId: 'room-3', staffId: 'mei', answers: { pregnant: false },
      rating: { csat: 5, nps: null, tags: [], comment: '' }, language: 'zh-CN', times: { closed: CLOSED },
      aftercare: { notes: 'Stretch your shoulders.', homeProducts: [{ name: 'Warming balm', howToUse: 'Massage in at night.' }] },
      plan: {
        serviceIds: ['body-massage'], products: ['Sesame oil'], intensity: 'firm', durationMin: 50, notes: 'private plan note',
        version: 1, editedBy: 'mei', editedAt: 0, approvedVersion: 1, approvedAt: 0,
      },
    });
    state.links[sha256(token)] = { visitId: 'v1', purpose: 'aftercare', createdAt: CLOSED, expiresAt: CLOSED + 30 * DAY, revokedAt: null };
  });

  it('gives the first name, the service, its aftercare and the visit’s notes and products, and nothing private', () => {
    const sheet = findAftercareSheet(state, token, CLOSED + 1)!;
    expect(sheet.firstName).toBe('Lina');
    expect(sheet.serviceName['zh-CN']).toBe('肩背按摩');
    expect(sheet.language).toBe('zh-CN');
    expect(sheet.notes).toBe('Stretch your shoulders.');
    expect(sheet.productsUsed).toEqual(['Sesame oil']);
    expect(sheet.homeProducts).toEqual([{ name: 'Warming balm', howToUse: 'Massage in at night.' }]);
    expect(sheet.guide?.notNormal.en).toContain('Bruising');
    expect(sheet.contact.phone).toBe('+44 20 7946 0958');
    expect(sheet.followUp.checkIns.map((c) => c.at)).toEqual([CLOSED + DAY, CLOSED + 3 * DAY, CLOSED + 7 * DAY]);
    expect(sheet.followUp.nextTreatmentAt).toBe(CLOSED + 14 * DAY);
    expect(sheet.report).toEqual({ open: true, until: CLOSED + 7 * DAY });
    expect(sheet.marketingOptedOut).toBe(false);
    expect(JSON.stringify(sheet)).not.toMatch(/Zhou|13800138000|pregnant|1990|private plan note/);
  });

  it('shows the salon’s listed products used and recommended in both languages, leaving out one no longer listed', () => {
    const product = (id: string, en: string, zh: string) => ({
      id, name: { en, 'zh-CN': zh }, brand: 'Glow Lab', priceMinor: 12_000, unit: '50 ml',
      howToUse: { en: `${en}: twice a day`, 'zh-CN': `${zh}：每天两次` }, followUp: 'brand_product' as const, archived: false,
    });
    state.products = { oil: product('oil', 'Sesame oil', '芝麻油'), balm: product('balm', 'Warming balm', '暖身膏') };
    const visit = state.visits.v1!;
    visit.plan = { ...visit.plan!, productIds: ['oil'] };
    visit.notes = [{ at: CLOSED - 1, staffId: 'mei', kind: 'products', text: 'Used gone', productId: 'gone' }];
    visit.aftercare = { notes: '', homeProducts: [], recommendedProductIds: ['balm'] };
    const sheet = findAftercareSheet(state, token, CLOSED + 1)!;
    expect(sheet.listedUsed.map((p) => p.name['zh-CN'])).toEqual(['芝麻油']);
    expect(sheet.listedRecommended).toEqual([
      { name: { en: 'Warming balm', 'zh-CN': '暖身膏' }, brand: 'Glow Lab', howToUse: { en: 'Warming balm: twice a day', 'zh-CN': '暖身膏：每天两次' } },
    ]);
  });

  it('closes the report window after the salon’s days', () => {
    expect(findAftercareSheet(state, token, CLOSED + 7 * DAY)!.report.open).toBe(false);
    const { changes } = decideSetAftercareSettings(state, { reportWindowDays: 10 });
    state.meta.aftercare = changes.meta!.aftercare!;
    expect(findAftercareSheet(state, token, CLOSED + 7 * DAY)!.report.open).toBe(true);
  });

  it('answers null alike for unknown, malformed, expired and revoked links', () => {
    expect(findAftercareSheet(state, randomToken(), CLOSED)).toBeNull();
    expect(findAftercareSheet(state, 'short', CLOSED)).toBeNull();
    expect(findAftercareSheet(state, token, CLOSED + 30 * DAY)).toBeNull();
    const revoked = decideRevokeAftercareLinks(state, CLOSED + 5, 'v1');
    if (isRefusal(revoked)) throw new Error(revoked.code);
    expect(revoked.result.revoked).toBe(1);
    Object.assign(state.links, revoked.changes.links);
    expect(findAftercareSheet(state, token, CLOSED + 6)).toBeNull();
    expect(decideRevokeAftercareLinks(state, CLOSED + 7, 'v1')).toMatchObject({ code: 'conflict', reason: 'no_live_link' });
    expect(decideRevokeAftercareLinks(state, CLOSED + 7, 'nope')).toMatchObject({ code: 'not_found' });
  });

  it('records a marketing opt-out once, with its time, keeping the history whole', () => {
    const first = decideMarketingOptOut(state, CLOSED + 100, token);
    if (isRefusal(first)) throw new Error(first.code);
    const client = first.changes.clients!.c1!;
    expect(client.consents).toEqual([
      { kind: 'marketing', version: 1, granted: true, at: 5 },
      { kind: 'marketing', version: 1, granted: false, at: CLOSED + 100 },
    ]);
    state.clients.c1 = client;
    expect(findAftercareSheet(state, token, CLOSED + 101)!.marketingOptedOut).toBe(true);
    const again = decideMarketingOptOut(state, CLOSED + 200, token);
    expect(again).toEqual({ changes: {}, result: { optedOutAt: CLOSED + 100 } });
    expect(decideMarketingOptOut(state, CLOSED + 200, randomToken())).toMatchObject({ code: 'not_found' });
  });
});
