import { expect } from 'vitest';
import { AppErrorSchema, type Language } from '@glow/shared';

const CJK = /[\u3400-\u9fff]/;

/**
 * A refusal says why, in the language asked for: a known code, a message a person can read (Chinese characters for
 * zh-CN, none for en), and never `internal` (that is a crash caught at the last moment, not an answer).
 */
export function expectExplainedRefusal(error: unknown, language: Language, label: string): void {
  const parsed = AppErrorSchema.safeParse(error);
  expect(parsed.success, `${label}: error has code and message: ${JSON.stringify(error)}`).toBe(true);
  if (!parsed.success) return;
  const { code, message, issues } = parsed.data;
  expect(code, `${label}: ${message}`).not.toBe('internal');
  expect(message.trim().length, `${label}: empty message`).toBeGreaterThan(3);
  if (language === 'zh-CN') expect(message, `${label}: not in Chinese`).toMatch(CJK);
  else expect(message, `${label}: not in English`).not.toMatch(CJK);
  for (const issue of issues ?? []) {
    if (language === 'zh-CN') expect(issue.message, `${label}: issue ${issue.field}`).toMatch(CJK);
    else expect(issue.message, `${label}: issue ${issue.field}`).not.toMatch(CJK);
  }
}

/** Every answer to a command is an Ack: ok with data, or a refusal that explains itself. */
export function expectAck(ack: unknown, language: Language, label: string): void {
  expect(typeof ack === 'object' && ack !== null, `${label}: no ack object`).toBe(true);
  const a = ack as { ok?: unknown; data?: unknown; error?: unknown };
  if (a.ok === true) {
    expect('data' in a, `${label}: ok without data`).toBe(true);
    return;
  }
  expect(a.ok, `${label}: ${JSON.stringify(ack)}`).toBe(false);
  expectExplainedRefusal(a.error, language, label);
}
