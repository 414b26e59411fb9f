import { TZDateMini } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import type { BookingCard, VisitCard } from '@glow/shared';
import type { CalendarColumn, CalendarItem } from './calendar.ts';
import { layoutDay, type DayLayout } from './day-layout.ts';

/** An instant from a wall-clock time with its UTC offset spelt out, so each test says which side of a change it is on. */
const at = (iso: string) => new Date(iso).getTime();
const booking = (id: string, startsAt: number, endsAt: number): CalendarItem => ({
  kind: 'booking',
  id,
  startsAt,
  endsAt,
  booking: { id } as BookingCard,
});
const visit = (id: string, startsAt: number, endsAt: number): CalendarItem => ({ kind: 'visit', id, startsAt, endsAt, visit: { id } as VisitCard });
const column = (items: CalendarItem[], id = 'anna'): CalendarColumn => ({ id, name: id, items });
/** The rows' labels as the salon's clock shows them ("HH:MM"). */
const labels = (layout: DayLayout, zone: string) =>
  layout.hours.map((h) => {
    const t = new TZDateMini(h.at, zone);
    return `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
  });
const boxes = (layout: DayLayout, col = 0) =>
  Object.fromEntries(layout.columns[col]!.boxes.map((b) => [b.item.id, { top: b.top, height: b.height, lane: b.lane, lanes: b.lanes }]));
const HOUR = 3_600_000;

describe('the desk calendar’s day in the salon’s time zone', () => {
  it('an ordinary day: rows 09–18 from the salon’s 09:00, a booking at its wall-clock time', () => {
    const layout = layoutDay([column([booking('b', at('2026-12-04T10:00:00+08:00'), at('2026-12-04T11:00:00+08:00'))])], '2026-12-04', 'Asia/Shanghai');
    expect(layout.from).toBe(at('2026-12-04T09:00:00+08:00'));
    expect(labels(layout, 'Asia/Shanghai')).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00', '18:00']);
    expect(layout.minutes).toBe(600);
    expect(boxes(layout)).toEqual({ b: { top: 60, height: 60, lane: 0, lanes: 1 } });
  });

  it('the clocks go forward (London, 29 March 2026): a 23-hour day, rows on the summer clock, no 01:00 row', () => {
    const zone = 'Europe/London';
    const ten = booking('ten', at('2026-03-29T10:00:00+01:00'), at('2026-03-29T11:00:00+01:00'));
    const layout = layoutDay([column([ten])], '2026-03-29', zone);
    expect(layout.dayEnd - layout.dayStart).toBe(23 * HOUR);
    expect(layout.dayStart).toBe(at('2026-03-29T00:00:00Z'));
    // 09:00 BST is 08:00 UTC: the grid's first row is the salon's 09:00, not 08:00 (noon less 12 hours would be).
    expect(layout.from).toBe(at('2026-03-29T09:00:00+01:00'));
    expect(labels(layout, zone)[0]).toBe('09:00');
    expect(boxes(layout)).toEqual({ ten: { top: 60, height: 60, lane: 0, lanes: 1 } });

    // Early on that day the grid reaches back to midnight: 00:00, then 02:00, one real hour apart.
    const early = booking('early', at('2026-03-29T00:30:00Z'), at('2026-03-29T02:30:00+01:00'));
    const night = layoutDay([column([early, ten])], '2026-03-29', zone);
    expect(labels(night, zone).slice(0, 4)).toEqual(['00:00', '02:00', '03:00', '04:00']);
    expect(night.minutes).toBe(18 * 60); // 00:00 to 19:00 on the wall clock is 18 real hours that day
    expect(boxes(night)['early']).toEqual({ top: 30, height: 60, lane: 0, lanes: 1 });
    expect(boxes(night)['ten']).toEqual({ top: 9 * 60, height: 60, lane: 0, lanes: 1 });
  });

  it('the clocks go back (London, 25 October 2026): a 25-hour day, 01:00 twice, bookings on either 01:30 apart', () => {
    const zone = 'Europe/London';
    const first = booking('first', at('2026-10-25T01:30:00+01:00'), at('2026-10-25T01:00:00Z'));
    const second = booking('second', at('2026-10-25T01:30:00Z'), at('2026-10-25T02:30:00Z'));
    const layout = layoutDay([column([second, first])], '2026-10-25', zone);
    expect(layout.dayEnd - layout.dayStart).toBe(25 * HOUR);
    // From the first 01:00 (summer time) to 19:00 (winter time): 19 real hours, the 01:00 row twice.
    expect(labels(layout, zone).slice(0, 4)).toEqual(['01:00', '01:00', '02:00', '03:00']);
    expect(labels(layout, zone).at(-1)).toBe('18:00');
    expect(layout.minutes).toBe(19 * 60);
    // An hour apart on the grid, one after the other, not on top of each other.
    expect(boxes(layout)).toEqual({
      first: { top: 30, height: 30, lane: 0, lanes: 1 },
      second: { top: 90, height: 60, lane: 0, lanes: 1 },
    });
    // A booking just after midnight, before the change: the grid starts at the salon's midnight (summer time), an
    // hour before the first 01:00; it is not clipped to the grid's top.
    const night = booking('night', at('2026-10-25T00:30:00+01:00'), at('2026-10-25T01:30:00+01:00'));
    const early = layoutDay([column([night, first])], '2026-10-25', zone);
    expect(early.from).toBe(early.dayStart);
    expect(labels(early, zone).slice(0, 4)).toEqual(['00:00', '01:00', '01:00', '02:00']);
    expect(boxes(early)['night']).toEqual({ top: 30, height: 60, lane: 0, lanes: 1 });
    expect(boxes(early)['first']).toEqual({ top: 90, height: 30, lane: 0, lanes: 1 });
    // The rest of the day on the winter clock: 09:00 GMT is 10 real hours after midnight BST.
    const nine = layoutDay([column([booking('nine', at('2026-10-25T09:00:00Z'), at('2026-10-25T10:00:00Z'))])], '2026-10-25', zone);
    expect(nine.from).toBe(at('2026-10-25T09:00:00Z'));
    expect(boxes(nine)['nine']!.top).toBe(0);
  });

  it('New York’s change at 02:00 (8 March 2026): 01:30 to 03:30 on the clock is one hour tall', () => {
    const zone = 'America/New_York';
    const b = booking('b', at('2026-03-08T01:30:00-05:00'), at('2026-03-08T03:30:00-04:00'));
    const layout = layoutDay([column([b])], '2026-03-08', zone);
    expect(labels(layout, zone).slice(0, 3)).toEqual(['01:00', '03:00', '04:00']);
    expect(boxes(layout)).toEqual({ b: { top: 30, height: 60, lane: 0, lanes: 1 } });
  });

  it('a booking running past closing widens the grid to its end, drawn whole', () => {
    const late = booking('late', at('2026-12-04T18:30:00+08:00'), at('2026-12-04T20:15:00+08:00'));
    const layout = layoutDay([column([late])], '2026-12-04', 'Asia/Shanghai');
    expect(layout.to).toBe(at('2026-12-04T21:00:00+08:00'));
    expect(labels(layout, 'Asia/Shanghai').at(-1)).toBe('20:00');
    expect(boxes(layout)).toEqual({ late: { top: 570, height: 105, lane: 0, lanes: 1 } });
  });

  it('never draws past the salon’s midnight (a booking cannot cross it; were one sent, it stops there)', () => {
    const odd = booking('odd', at('2026-12-04T23:00:00+08:00'), at('2026-12-05T01:00:00+08:00'));
    const layout = layoutDay([column([odd])], '2026-12-04', 'Asia/Shanghai');
    expect(layout.to).toBe(layout.dayEnd);
    expect(boxes(layout)['odd']).toEqual({ top: 14 * 60, height: 60, lane: 0, lanes: 1 });
  });

  it('half-hour zones: the rows are on the salon’s whole hours (Kolkata)', () => {
    const b = booking('b', at('2026-12-04T08:15:00+05:30'), at('2026-12-04T09:00:00+05:30'));
    const layout = layoutDay([column([b])], '2026-12-04', 'Asia/Kolkata');
    expect(layout.from).toBe(at('2026-12-04T08:00:00+05:30'));
    expect(boxes(layout)['b']).toMatchObject({ top: 15, height: 45 });
  });
});

describe('overlapping bookings side by side', () => {
  const t = (hhmm: string) => at(`2026-12-04T${hhmm}:00+08:00`);
  const zone = 'Asia/Shanghai';

  it('two overlapping share the width; the next one takes the lane freed; a later one has the whole column', () => {
    const layout = layoutDay(
      [column([booking('a', t('10:00'), t('11:00')), booking('b', t('10:30'), t('11:30')), booking('c', t('11:00'), t('12:00')), booking('d', t('13:00'), t('14:00'))])],
      '2026-12-04',
      zone,
    );
    expect(boxes(layout)).toEqual({
      a: { top: 60, height: 60, lane: 0, lanes: 2 },
      b: { top: 90, height: 60, lane: 1, lanes: 2 },
      c: { top: 120, height: 60, lane: 0, lanes: 2 },
      d: { top: 240, height: 60, lane: 0, lanes: 1 },
    });
  });

  it('three at once make three lanes; one right after another (end = start) do not overlap', () => {
    const layout = layoutDay(
      [column([booking('x', t('10:00'), t('12:00')), booking('y', t('10:00'), t('11:00')), booking('z', t('10:15'), t('10:45')), booking('w', t('12:00'), t('13:00'))])],
      '2026-12-04',
      zone,
    );
    const b = boxes(layout);
    expect([b['x']!.lane, b['y']!.lane, b['z']!.lane].sort()).toEqual([0, 1, 2]);
    expect(b['x']!.lanes).toBe(3);
    expect(b['w']).toMatchObject({ lane: 0, lanes: 1 });
  });

  it('a visit running over into the next booking sits beside it; short items count the height they are drawn', () => {
    const layout = layoutDay(
      [column([visit('v', t('09:30'), t('10:40')), booking('n', t('10:30'), t('11:30')), booking('s1', t('15:00'), t('15:05')), booking('s2', t('15:10'), t('15:40'))])],
      '2026-12-04',
      zone,
    );
    const b = boxes(layout);
    expect(b['v']).toMatchObject({ lane: 0, lanes: 2 });
    expect(b['n']).toMatchObject({ lane: 1, lanes: 2 });
    // 15:00–15:05 is drawn 15 minutes tall, to 15:15: it would hide the top of 15:10, so they go side by side.
    expect(b['s1']).toEqual({ top: 360, height: 15, lane: 0, lanes: 2 });
    expect(b['s2']).toMatchObject({ lane: 1, lanes: 2 });
  });

  it('lanes are per column: the same hours in two columns do not narrow each other', () => {
    const layout = layoutDay(
      [column([booking('a', t('10:00'), t('11:00'))], 'anna'), column([booking('b', t('10:00'), t('11:00'))], 'mei')],
      '2026-12-04',
      zone,
    );
    expect(boxes(layout, 0)['a']).toMatchObject({ lane: 0, lanes: 1 });
    expect(boxes(layout, 1)['b']).toMatchObject({ lane: 0, lanes: 1 });
  });
});
