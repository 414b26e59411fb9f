import type { Complaint, FollowUpContext, FollowUpTask } from '@glow/shared';

/**
 * The clients' context of the follow-up calls a tablet shows (#16). A desk's list may hold two thousand calls (a busy
 * week of 1-3-7 calls): reading the context of every one of them, 100 per read one after another, and again for all of
 * them whenever any call was worked, kept the list waiting 160–260 ms on the large salon and loaded the hub for rows
 * nobody looked at. Here only the rows on screen (and the call opened) are read, the ones that came into view together
 * in reads of at most `max`, sent side by side; after a call is worked or a complaint changes, only the calls of the
 * clients concerned are read again (the others keep theirs). A row waiting for its context shows its task meanwhile.
 */
export type ReadContexts = (taskIds: readonly string[]) => Promise<readonly FollowUpContext[] | null>;

export class FollowUpContexts {
  private readonly have = new Map<string, { context: FollowUpContext; version: number }>();
  /** The version each call needs: raised when its client changed, so a context read before is read again. */
  private readonly need = new Map<string, number>();
  /** The version of each call's read in flight. */
  private readonly asked = new Map<string, number>();
  private readonly shown = new Set<string>();
  private pinned: string | null = null;
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly read: ReadContexts,
    private readonly max: number,
    /** Told after every read that brought contexts (the screen copies them into its state). */
    private readonly onChange: (contexts: Readonly<Record<string, FollowUpContext>>) => void,
    /** How reads of rows shown together are gathered (a microtask by default; tests may run them at once). */
    // (Wrapped: a browser refuses queueMicrotask called on another object than the window.)
    private readonly defer: (run: () => void) => void = (run) => queueMicrotask(run),
  ) {}

  /** A row came into view (or was drawn inside it). */
  show(taskId: string): void {
    this.shown.add(taskId);
    this.schedule();
  }

  hide(taskId: string): void {
    this.shown.delete(taskId);
  }

  /** The call opened in the detail pane: wanted whether or not its row is on screen. */
  open(taskId: string | null): void {
    this.pinned = taskId;
    if (taskId) this.schedule();
  }

  /** The clients whose calls are to be read again (a call worked, a complaint opened or closed). */
  clientsChanged(clientIds: ReadonlySet<string>, tasks: Iterable<Pick<FollowUpTask, 'id' | 'clientId'>>): void {
    if (clientIds.size === 0) return;
    for (const task of tasks) if (clientIds.has(task.clientId)) this.need.set(task.id, (this.need.get(task.id) ?? 0) + 1);
    this.schedule();
  }

  contextOf(taskId: string): FollowUpContext | undefined {
    return this.have.get(taskId)?.context;
  }

  close(): void {
    this.closed = true;
  }

  private schedule(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    this.defer(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.closed) return;
    const wanted = new Set(this.shown);
    if (this.pinned) wanted.add(this.pinned);
    const due: string[] = [];
    for (const id of wanted) {
      const version = this.need.get(id) ?? 0;
      const had = this.have.get(id);
      if (had && had.version >= version) continue;
      if ((this.asked.get(id) ?? -1) >= version) continue;
      due.push(id);
    }
    for (let i = 0; i < due.length; i += this.max) void this.fetch(due.slice(i, i + this.max));
  }

  private async fetch(ids: readonly string[]): Promise<void> {
    const versions = new Map(ids.map((id) => [id, this.need.get(id) ?? 0]));
    for (const [id, v] of versions) this.asked.set(id, v);
    let contexts: readonly FollowUpContext[] | null = null;
    try {
      contexts = await this.read(ids);
    } finally {
      for (const [id, v] of versions) if (this.asked.get(id) === v) this.asked.delete(id);
    }
    if (this.closed || !contexts) return;
    for (const context of contexts) {
      const version = versions.get(context.taskId);
      if (version === undefined) continue;
      const had = this.have.get(context.taskId);
      if (!had || had.version <= version) this.have.set(context.taskId, { context, version });
    }
    this.onChange(Object.fromEntries([...this.have].map(([id, { context }]) => [id, context])));
    // A client changed again while this read was out: read her calls once more.
    if ([...versions].some(([id, v]) => (this.need.get(id) ?? 0) > v)) this.schedule();
  }
}

/**
 * The clients whose context changed between two looks at the live view: a call of theirs was worked (an attempt
 * more, or its state moved) or a complaint of theirs came, went or changed status. Returns the new marks to compare
 * with next time.
 */
export type ContextMarks = { tasks: Map<string, string>; complaints: Map<string, { clientId: string; status: string }> };

export function changedClients(
  before: ContextMarks | null,
  tasks: Iterable<Pick<FollowUpTask, 'id' | 'clientId' | 'state' | 'attempts'>>,
  complaints: Iterable<Pick<Complaint, 'id' | 'clientId' | 'status'>>,
): { clientIds: Set<string>; marks: ContextMarks } {
  const marks: ContextMarks = { tasks: new Map(), complaints: new Map() };
  const clientIds = new Set<string>();
  for (const task of tasks) {
    const mark = `${task.state}:${task.attempts.length}`;
    marks.tasks.set(task.id, mark);
    const was = before?.tasks.get(task.id);
    if (was !== undefined && was !== mark) clientIds.add(task.clientId);
  }
  for (const complaint of complaints) {
    marks.complaints.set(complaint.id, { clientId: complaint.clientId, status: complaint.status });
    if (before && before.complaints.get(complaint.id)?.status !== complaint.status) clientIds.add(complaint.clientId);
  }
  // A complaint gone from the view (erased with its client, or no longer shown): its client's calls too.
  for (const [id, was] of before?.complaints ?? []) if (!marks.complaints.has(id)) clientIds.add(was.clientId);
  return { clientIds, marks };
}
