/** How close to the bottom counts as read to the end (sub-pixel rounding, a last line's margin). */
const SLACK_PX = 8;

/**
 * Whether a scrolling box has more below what is shown: the consent texts say so plainly instead of being cut off at
 * the box's edge with no sign that there is more.
 */
export function hasMoreBelow(box: { scrollTop: number; clientHeight: number; scrollHeight: number }): boolean {
  return box.scrollTop + box.clientHeight < box.scrollHeight - SLACK_PX;
}
