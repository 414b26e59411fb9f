import { beforeEach, describe, expect, it } from 'vitest';
import { randomToken, sha256 } from '../security/secrets.ts';
import type { HubState } from '../store/hub-state.ts';
import { findAftercareSheet } from './aftercare.service.ts';
import { demoState, testVisit } from './test-state.ts';

describe('findAftercareSheet', () => {
  let state: HubState;
  const token = randomToken();
  beforeEach(async () => {
    state = await demoState();
    state.clients.c1 = { id: 'c1', firstName: 'Lina', lastName: 'Zhou', phone: '13800138000', language: 'zh-CN', createdAt: 0 };
    state.visits.v1 = testVisit({
      id: 'v1', serviceId: 'body-massage', state: 'closed', roomId: 'room-3', staffId: 'mei', answers: { pregnant: false },
      rating: { csat: 5, nps: null, tags: [], comment: '' }, language: 'zh-CN',
    });
    state.links[sha256(token)] = { visitId: 'v1', purpose: 'aftercare', createdAt: 0, expiresAt: 1000, revokedAt: null };
  });

  it('gives the first name, the service and its aftercare, and nothing else about the client', () => {
    const sheet = findAftercareSheet(state, token, 999)!;
    expect(sheet.firstName).toBe('Lina');
    expect(sheet.serviceName['zh-CN']).toBe('肩背按摩');
    expect(sheet.language).toBe('zh-CN');
    expect(JSON.stringify(sheet)).not.toMatch(/Zhou|13800138000|pregnant/);
  });

  it('answers null alike for unknown, malformed, expired and revoked links', () => {
    expect(findAftercareSheet(state, randomToken(), 999)).toBeNull();
    expect(findAftercareSheet(state, 'short', 999)).toBeNull();
    expect(findAftercareSheet(state, token, 1000)).toBeNull();
    state.links[sha256(token)]!.revokedAt = 5;
    expect(findAftercareSheet(state, token, 999)).toBeNull();
  });
});
