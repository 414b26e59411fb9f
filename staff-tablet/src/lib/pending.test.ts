import { describe, expect, it } from 'vitest';
import { createTranslator, type StaffView } from '@glow/shared';
import { describePending } from './pending.ts';

const view = {
  visits: { v1: { ticket: 'A012' } },
  rooms: { r1: { name: 'Room 1' } },
} as unknown as StaffView;

const cmd = (name: string, input: Record<string, unknown> = {}) => ({ commandId: name, name, input, queuedAt: 0 });

describe('the offline banner', () => {
  it('says how many changes wait and what they are, oldest first', () => {
    const pending = [cmd('visit:close', { visitId: 'v1' }), cmd('session:note', { visitId: 'v1' })];
    expect(describePending(pending, view, createTranslator('en'))).toBe('2 changes waiting: close visit A012, note');
    expect(describePending(pending, view, createTranslator('zh-CN'))).toBe('2 项更改待发送：完成到店 A012、记录');
  });

  it('names rooms and copes with a visit it no longer sees', () => {
    const pending = [cmd('room:ready', { roomId: 'r1' }), cmd('visit:start', { visitId: 'gone' })];
    expect(describePending(pending, view, createTranslator('en'))).toBe('2 changes waiting: Room 1 ready, start');
    expect(describePending([cmd('visit:finish', { visitId: 'v1' })], null, createTranslator('en'))).toBe(
      '1 change waiting: finish',
    );
  });
});
