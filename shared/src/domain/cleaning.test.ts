import { describe, expect, it } from 'vitest';
import { cleaningUntilFor, nextCleaningDue, roomsToFree } from './cleaning.ts';
import { MIN, room } from './test-floor.ts';

const now = 10_000 * MIN;

describe('roomsToFree', () => {
  it('frees rooms in cleaning whose buffer is over (at or before now), by id', () => {
    const rooms = [
      room('z-done', [], 'cleaning', { cleaningUntil: now - MIN }),
      room('a-just', [], 'cleaning', { cleaningUntil: now }),
      room('later', [], 'cleaning', { cleaningUntil: now + 1 }),
      room('manual', [], 'cleaning', { cleaningUntil: null }),
      room('free', [], 'free', { cleaningUntil: now - MIN }),
      room('occupied', [], 'occupied', { cleaningUntil: now - MIN }),
      room('broken', [], 'out_of_service', { cleaningUntil: now - MIN }),
    ];
    expect(roomsToFree(rooms, now)).toEqual(['a-just', 'z-done']);
    expect(roomsToFree([], now)).toEqual([]);
  });
});

describe('cleaningUntilFor', () => {
  it('adds the room’s own buffer', () => {
    expect(cleaningUntilFor(room('r', [], 'cleaning', { cleaningBufferMin: 15 }), now)).toBe(now + 15 * MIN);
    expect(cleaningUntilFor(room('r', [], 'cleaning', { cleaningBufferMin: 0 }), now)).toBe(now);
  });

  it('a zero buffer frees the room at once', () => {
    const r = room('r', [], 'cleaning', { cleaningBufferMin: 0 });
    expect(roomsToFree([{ ...r, cleaningUntil: cleaningUntilFor(r, now) }], now)).toEqual(['r']);
  });
});

describe('nextCleaningDue', () => {
  it('is the earliest cleaning end still ahead', () => {
    const rooms = [
      room('a', [], 'cleaning', { cleaningUntil: now + 5 * MIN }),
      room('b', [], 'cleaning', { cleaningUntil: now + 2 * MIN }),
      room('c', [], 'cleaning', { cleaningUntil: now - 2 * MIN }),
      room('d', [], 'free', { cleaningUntil: now + MIN }),
    ];
    expect(nextCleaningDue(rooms, now)).toBe(now + 2 * MIN);
    expect(nextCleaningDue([], now)).toBeNull();
  });
});
