import { describe, expect, it } from 'vitest';
import type { HubState } from '../../store/hub-state.ts';
import { followUpsShownSince } from './follow-up-view.ts';

const inZone = (timeZone: string) => ({ meta: { floor: { timeZone } } }) as unknown as HubState;

describe('followUpsShownSince', () => {
  it('is a week before the salon’s day, asked again for another moment or zone (the last answer is kept)', () => {
    const at = Date.UTC(2026, 11, 3, 20, 0); // 04:00 on the 4th in Shanghai, still the 3rd in London
    expect(followUpsShownSince(inZone('Europe/London'), at)).toBe('2026-11-26');
    expect(followUpsShownSince(inZone('Europe/London'), at)).toBe('2026-11-26');
    expect(followUpsShownSince(inZone('Asia/Shanghai'), at)).toBe('2026-11-27');
    expect(followUpsShownSince(inZone('Asia/Shanghai'), at + 86_400_000)).toBe('2026-11-28');
  });
});
