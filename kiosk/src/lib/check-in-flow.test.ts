import { createTranslator, type Ack, type Language } from '@glow/shared';
import { describe, expect, it } from 'vitest';
import { CheckInFlow } from './check-in-flow.svelte.ts';
import type { CheckInInput, CheckInResult } from './hub-connection.svelte.ts';

type Answer = Ack<CheckInResult>;

function setUp(language: Language = 'en') {
  const sent: CheckInInput[] = [];
  const answers: ((a: Answer) => void)[] = [];
  const locale = { language };
  const flow = new CheckInFlow(
    (input) => {
      sent.push(input);
      return new Promise<Answer>((resolve) => answers.push(resolve));
    },
    () => locale.language,
    () => createTranslator(locale.language),
  );
  return { flow, sent, answers, locale };
}

async function fillIn(flow: CheckInFlow): Promise<void> {
  flow.go('details');
  flow.setField('firstName', 'Mei');
  flow.setField('phone', '138 0013 8000');
  expect(await flow.submitDetails()).toBeNull();
  flow.chooseService('facial-classic');
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const ok: Answer = { ok: true, data: { visitId: 'v1', ticket: 'A001', firstName: 'Mei', estimateMin: 10 } };

describe('CheckInFlow', () => {
  it('shows problems only for fields the client left or after Next', async () => {
    const { flow } = setUp();
    flow.go('details');
    await flow.prepare();
    flow.setField('phone', '12');
    expect(flow.fieldErrors.size).toBe(0);
    flow.leaveField('phone');
    expect([...flow.fieldErrors.keys()]).toEqual(['phone']);
    expect(await flow.submitDetails()).toBe('firstName');
    expect(flow.step).toBe('details');
  });

  it('sends one check-in however often it is tapped, with the parsed details and the language', async () => {
    const { flow, sent, answers } = setUp('zh-CN');
    await fillIn(flow);
    void flow.submit();
    void flow.submit();
    await tick();
    expect(sent).toEqual([
      { client: { firstName: 'Mei', lastName: '', phone: '13800138000' }, serviceId: 'facial-classic', language: 'zh-CN' },
    ]);
    expect(flow.submitting).toBe(true);
    answers[0]?.(ok);
    await tick();
    expect(flow.step).toBe('ticket');
    expect(flow.result?.ticket).toBe('A001');
  });

  it('keeps everything typed on a refusal and puts field issues next to the fields', async () => {
    const { flow, answers, locale } = setUp();
    await fillIn(flow);
    void flow.submit();
    await tick();
    answers[0]?.({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Please check the highlighted fields.',
        issues: [{ field: 'client.phone', rule: 'phone_format', message: 'Phone number must have 6 to 15 digits.' }],
      },
    });
    await tick();
    expect(flow.step).toBe('details');
    expect(flow.details.firstName).toBe('Mei');
    expect(flow.fieldErrors.get('phone')).toContain('Phone number');
    expect(flow.failureMessage).toBe('Please check the highlighted fields.');
    locale.language = 'zh-CN';
    expect(flow.failureMessage).toBe('请检查标出的内容。');
    flow.setField('phone', '13800138001');
    expect(flow.fieldErrors.has('phone')).toBe(false);
  });

  it('forgets the client on reset and drops a late answer for them', async () => {
    const { flow, answers } = setUp();
    await fillIn(flow);
    void flow.submit();
    await tick();
    flow.reset();
    expect(flow.step).toBe('welcome');
    expect(flow.details).toEqual({ firstName: '', lastName: '', phone: '' });
    expect(flow.serviceId).toBeNull();
    answers[0]?.(ok);
    await tick();
    expect(flow.step).toBe('welcome');
    expect(flow.result).toBeNull();
  });
});
