import { describe, expect, it } from 'vitest';
import { createTranslator, OutboxSettingsInputSchema, type OutboxEntry } from '@glow/shared';
import { draftOf, inputOf, rowOf } from './outbox.ts';

const view = {
  smtp: { host: 'smtp.example.com', port: 465, tls: 'tls' as const, user: 'salon', sender: 'hello@example.com' },
  webhookUrl: null,
  quietHours: { from: '21:00', to: '09:00' },
  dailyCap: null,
  maxAttempts: 6,
  keepBodiesDays: 30,
  passwordSet: true,
};

describe('outbox settings draft', () => {
  it('round-trips the saved settings, keeping the password unless one is typed or cleared', () => {
    const draft = draftOf(view);
    const input = inputOf(draft);
    expect(input).toEqual({ smtp: { ...view.smtp, trustedCertificate: null }, webhookUrl: null, quietHours: view.quietHours, dailyCap: null, maxAttempts: 6, keepBodiesDays: 30 });
    expect(OutboxSettingsInputSchema.safeParse({ commandId: 'c'.repeat(21), ...input }).success).toBe(true);
    expect(inputOf({ ...draft, password: 'pw' }).password).toBe('pw');
    expect(inputOf({ ...draft, password: 'pw', clearPassword: true }).password).toBe('');
  });

  it('keeps the trusted certificate of the salon’s own server, and an empty box trusts the public authorities', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nTUlJQg==\n-----END CERTIFICATE-----';
    const withCert = draftOf({ ...view, smtp: { ...view.smtp, trustedCertificate: pem } });
    expect(withCert.trustedCertificate).toBe(pem);
    expect(inputOf({ ...withCert, trustedCertificate: `  ${pem}\n` }).smtp?.trustedCertificate).toBe(pem);
    expect(inputOf({ ...withCert, trustedCertificate: '  ' }).smtp?.trustedCertificate).toBeNull();
  });

  it('sends what is not a number as such, so the schema names the field', () => {
    const input = inputOf({ ...draftOf(view), port: '5x', capOn: true, dailyCap: '' });
    const parsed = OutboxSettingsInputSchema.safeParse({ commandId: 'c'.repeat(21), ...input });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['dailyCap', 'smtp.port']);
  });

  it('starts from the defaults before the hub has answered', () => {
    expect(draftOf(null)).toMatchObject({ smtpOn: false, quietOn: true, quietFrom: '21:00', capOn: true, dailyCap: '200' });
  });
});

describe('outbox rows', () => {
  const base: OutboxEntry = {
    id: 'm1', clientId: 'c1', clientName: '美丽 王', purpose: 'service', kind: 'booking_eve', language: 'zh-CN', subject: '明天的预约', body: '…',
    dedupeKey: 'k', notBefore: 0, createdAt: 0, state: 'failed', attempts: 6, nextAttemptAt: 10, channel: 'email', to: 'm@example.cn',
    lastError: { code: 'too_many_tries', detail: 'refused_temporary: 451 later', at: 10 }, sentAt: null, settledAt: 20, reduced: false,
  };
  it('says why a message failed, in the manager’s language', () => {
    const en = rowOf(base, createTranslator('en'), (at) => `t${at}`);
    expect(en).toMatchObject({ when: 't20', stateLabel: 'Failed', tries: '6 tries', canResend: true, canCancel: true, how: 'E-mail · m@example.cn · Service' });
    // The last failure's code is said in words too.
    expect(en.why).toBe('Still failing after the last try: The server refused for now and asks to try later: 451 later');
    expect(rowOf(base, createTranslator('zh-CN'), String).why).toBe('最后一次尝试仍然失败：服务器暂时拒绝，要求稍后再试：451 later');
    const odd = { ...base, lastError: { code: 'too_many_tries' as const, detail: 'something: else', at: 10 } };
    expect(rowOf(odd, createTranslator('en'), String).why).toBe('Still failing after the last try: something: else');
  });
  it('a sent message shows when it left and no reason; a reduced one cannot be resent', () => {
    const sent = rowOf({ ...base, state: 'sent', sentAt: 30 }, createTranslator('en'), (at) => `t${at}`);
    expect(sent).toMatchObject({ when: 'Sent t30', why: null, canResend: false, canCancel: false });
    expect(rowOf({ ...base, reduced: true }, createTranslator('en'), String).canResend).toBe(false);
  });
});
