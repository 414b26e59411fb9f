import type { Row } from '../lib/report.ts';
import type { ClientRecordRun } from './client-record.ts';

const r1 = (x: number) => Math.round(x * 10) / 10;

/** The #16 figures of `npm run bench` (JSON keys), from one client-record run. */
export function clientRecordFigures(run: ClientRecordRun) {
  return {
    search_p95_ms: run.searchP95Ms,
    record_open_p95_ms: run.recordP95Ms,
    task_list_ms: run.taskListMs,
    tablets10_loop_p99_ms: run.loopWith10Tablets ? r1(run.loopWith10Tablets.p99) : NaN,
    tablets10_ack_p99_ratio: run.checkInAckP99Ms > 0 ? Math.round((run.checkInAckP99With10TabletsMs / run.checkInAckP99Ms) * 100) / 100 : NaN,
  };
}

/** The #16 rows of the results table, with what each figure counts. */
export function clientRecordRows(run: ClientRecordRun): Row[] {
  const figures = clientRecordFigures(run);
  const loop = run.loopWith10Tablets;
  return [
    { what: `client search at the desk, p95 (${run.searches} searches: numbers, parts of numbers, name parts)`, key: 'search_p95_ms', value: figures.search_p95_ms, unit: 'ms', budget: 50, note: `p50 ${run.searchP50Ms} ms` },
    {
      what: 'client record with five years of history opened at the desk, p95',
      key: 'record_open_p95_ms',
      value: figures.record_open_p95_ms,
      unit: 'ms',
      budget: 150,
      note: `${run.records} records, ${run.visitsPerRecord} visits each, the oldest ${run.oldestYears} years back; the hub's own time p95 ${run.recordHubP95Ms} ms`,
    },
    {
      what: "the whole salon's task list as a desk waits for it (the desk's snapshot with the followUpTasks view, then the contexts of the list's first screen)",
      key: 'task_list_ms',
      value: figures.task_list_ms,
      unit: 'ms',
      budget: 100,
      note: `${run.openTasks} open tasks (the follow-ups of ${run.followUpVisits} visits of the last week), ${run.firstScreenTasks} contexts read for the first screen; snapshot ${run.taskListSnapshotMs} ms; the snapshot and every open task's context, 100 per read one after another: ${run.taskListAllContextsMs} ms, a read of 100 p95 ${run.taskContextP95Ms} ms (the sign-in before it, PIN hash included: ${run.taskListSignInMs} ms)`,
    },
    {
      what: 'event-loop delay p99 while 10 tablets search and open records without a pause',
      key: 'tablets10_loop_p99_ms',
      value: figures.tablets10_loop_p99_ms,
      unit: 'ms',
      budget: 20,
      note: loop ? `max ${loop.max.toFixed(0)} ms; ${run.tabletRecords} records opened meanwhile, p95 ${run.tabletRecordP95Ms} ms` : 'not measured',
    },
    {
      what: 'check-in ack p99 with those 10 tablets ÷ with the floor quiet (a kiosk, 2/s)',
      key: 'tablets10_ack_p99_ratio',
      value: figures.tablets10_ack_p99_ratio,
      unit: '×',
      budget: 1.2,
      note: `${run.checkInAckP99With10TabletsMs} ms vs ${run.checkInAckP99Ms} ms quiet`,
    },
  ];
}
