/**
 * The bench's hub runs on a clock moved to the next 10:00 in the salon's time zone, so that the large salon's shifts
 * have people on the floor whatever the hour of the run (the clock is a dependency of createHub; latencies are all
 * measured by the bench on its own monotonic clock, so the offset changes none of them).
 */
export function openingClockOffset(timeZone: string, now = Date.now(), localHour = 10): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .formatToParts(now)
    .reduce<Record<string, number>>((acc, p) => (p.type === 'literal' ? acc : { ...acc, [p.type]: Number(p.value) }), {});
  const sinceMidnight = ((parts.hour ?? 0) * 60 + (parts.minute ?? 0)) * 60_000 + (parts.second ?? 0) * 1000;
  const offset = localHour * 3_600_000 - sinceMidnight;
  // The next 10:00, never an earlier one: the tablets in Chromium run on the real clock, and a hub clock more than a
  // staff session (12 h) behind it makes every session look expired to them (they sign out on their own clock).
  return offset < 0 ? offset + 24 * 3_600_000 : offset;
}
