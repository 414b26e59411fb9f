import {
  daysBetween,
  defaultRetryAt,
  retryProblem,
  RETRY_MAX_DAYS,
  salonDay,
  type FollowUpRecordInputSchema,
  type Client,
  type FollowUpAttempt,
  type FollowUpRecordResult,
  type FollowUpTask,
  type OpeningHours,
  type ProblemSince,
  type Visit,
} from '@glow/shared';
import type { z } from 'zod';
import type { Changes, HubState } from '../../store/hub-state.ts';
import { isRefusal, refuse, type Refusal } from '../app-error.ts';
import { newComplaint } from '../complaint.service.ts';
import type { Decision } from '../hub-engine.ts';
import type { Actor } from '../visit-access.ts';
import { loadTaskFor } from './follow-up-access.ts';
import { pickTaskVisit, taskClientGroup, visitForTask, visitTime } from './follow-up-last-visit.ts';

/** The most calls one task keeps (its schema's bound): past it the task is closed by hand, not tried again. */
export const MAX_ATTEMPTS = 50;

export type RecordContext = {
  /** The id a `problem` gives the complaint it opens. */
  complaintId: string;
  timeZone: string;
  /** The salon's opening hours: a "no answer" without a time is tried again while the salon is open. */
  openingHours: OpeningHours;
  /**
   * For a problem, when the hub holds no visit of the client in memory: her visits read from months left on disk
   * (follow-up-history.ts, read before the decision). The complaint is about the task's visit or her latest there.
   */
  history?: readonly Visit[];
};

/** When the client noticed the problem, as near as a call can tell: from the visit's day to the day of the call. */
function sinceOf(visitAt: number, now: number, timeZone: string): ProblemSince {
  const from = salonDay(visitAt, timeZone);
  const to = salonDay(now, timeZone);
  const days = from && to ? daysBetween(from, to) : 2;
  return days <= 0 ? 'same_day' : days === 1 ? 'next_day' : 'days_later';
}

/**
 * A follow-up call's outcome, logged on the task (who, when, how it went, the notes) for the client's record:
 * - reached: the task is done;
 * - no answer: it stays open and is due again at `retryAt` (default: later today while the salon is open, else the
 *   next opening), its due day moved to that day; call back: the same at the time the client gave (required);
 * - do not call: the task is done, the client's record gets `doNotCall` (the rules plan no more calls for them) and
 *   their other open call tasks are cancelled;
 * - problem: a complaint is opened with the call's notes through the complaint path (newComplaint), for the front
 *   desk's board, on the task's visit or else the client's latest (hers or a record's merged into hers) — in memory,
 *   or else read from months left on disk (`ctx.history`: a win-back about a visit years ago); a complaint about a
 *   visit on disk carries what the visit was (`visitAbout`) for the board. The task is done and names the complaint.
 * Refused: a task already finished, a retry time past or beyond RETRY_MAX_DAYS, a task tried MAX_ATTEMPTS times, a
 * problem for a client never served (no visit anywhere to attach it to); and anyone but the assignee, the front desk
 * and the manager.
 */
export function decideRecordFollowUp(
  state: Readonly<HubState>,
  now: number,
  actor: Actor,
  input: z.output<typeof FollowUpRecordInputSchema>,
  ctx: RecordContext,
): Decision<FollowUpRecordResult> | Refusal {
  const task = loadTaskFor(state, actor, input.taskId);
  if (isRefusal(task)) return task;
  if (task.state !== 'open') return refuse('conflict', 'follow_up_closed');
  if (task.attempts.length >= MAX_ATTEMPTS) return refuse('conflict', 'follow_up_too_many_attempts', { max: MAX_ATTEMPTS });

  const attempt: FollowUpAttempt = { at: now, by: actor.staffId, outcome: input.outcome, note: input.note, retryAt: null, complaintId: null };
  const changes: Changes = {};
  let next: FollowUpTask;

  switch (input.outcome) {
    case 'reached':
      next = { ...task, state: 'done' };
      break;
    case 'no_answer':
    case 'call_back': {
      const retryAt = input.retryAt ?? defaultRetryAt(now, ctx.timeZone, ctx.openingHours);
      const problem = retryProblem(retryAt, now);
      if (problem) return refuse('invalid_input', `follow_up_${problem}`, { days: RETRY_MAX_DAYS });
      attempt.retryAt = retryAt;
      next = { ...task, dueDate: salonDay(retryAt, ctx.timeZone) ?? task.dueDate };
      break;
    }
    case 'do_not_call': {
      const client = state.clients[task.clientId];
      if (client && !client.doNotCall) {
        const flagged: Client = { ...client, doNotCall: { at: now, by: actor.staffId } };
        changes.clients = { [client.id]: flagged };
      }
      // The client's other calls still open are not made either (each keeps its history).
      const others: Record<string, FollowUpTask> = {};
      for (const other of Object.values(state.followUpTasks)) {
        if (other.id !== task.id && other.clientId === task.clientId && other.state === 'open') others[other.id] = { ...other, state: 'cancelled' };
      }
      changes.followUpTasks = others;
      next = { ...task, state: 'done' };
      break;
    }
    case 'problem': {
      const inMemory = visitForTask(state, task);
      const visit = inMemory ?? pickTaskVisit(ctx.history ?? [], task, new Set(taskClientGroup(state, task.clientId)));
      const client = state.clients[task.clientId];
      if (!visit) return refuse('conflict', 'follow_up_no_visit');
      const opened = newComplaint(now, {
        id: ctx.complaintId,
        visitId: visit.id,
        clientId: task.clientId,
        kind: input.problemKind ?? 'result',
        since: sinceOf(visitTime(visit), now, ctx.timeZone),
        description: input.note,
        // The salon found it by calling: it calls back with what it will do.
        contact: 'call',
        photo: null,
        language: client?.language ?? visit.language,
      });
      const complaint = inMemory ? opened : { ...opened, visitAbout: { serviceId: visit.serviceId, ticket: visit.ticket, at: visitTime(visit) } };
      changes.complaints = { [complaint.id]: complaint };
      attempt.complaintId = complaint.id;
      next = { ...task, state: 'done' };
      break;
    }
  }

  next = { ...next, attempts: [...task.attempts, attempt] };
  changes.followUpTasks = { ...changes.followUpTasks, [next.id]: next };
  return {
    changes,
    result: { taskId: next.id, state: next.state, dueDate: next.dueDate, retryAt: attempt.retryAt, complaintId: attempt.complaintId },
  };
}
