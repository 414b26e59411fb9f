import { newCommandId, type Ack, type StaffView, type VisitCard } from '@glow/shared';
import type { Socket } from 'socket.io-client';
import { kioskCheckIn } from './kiosk-check-in.ts';

const SERVICES = ['facial-classic', 'nails-gel', 'body-massage', 'hair-root-colour', 'facial-hydrating'];

/** A command a test sent and the hub acknowledged, kept to check nothing acknowledged is lost. */
export type Acked = { name: string; input: Record<string, unknown>; data: unknown };

/**
 * Works the floor the way a busy morning does, from the front desk's tablet (which may act on any visit) and a kiosk:
 * clients check in, assignments are accepted, plans edited and approved, sessions run with notes, visits close, rooms
 * are marked ready, the queue is reordered, incidents raised and dealt with. Each call sends one command, chosen from
 * what the desk's view shows, and waits for its answer.
 */
export class FloorDriver {
  private n = 0;
  readonly acked: Acked[] = [];

  constructor(
    private readonly desk: () => { socket: Socket; view: () => StaffView },
    private readonly kiosk: () => Socket,
  ) {}

  /** Sends commands until `count` of them have been acknowledged. */
  async run(count: number, timeoutMs = 5000): Promise<void> {
    const target = this.acked.length + count;
    for (let guard = 0; this.acked.length < target && guard < count * 5; guard++) await this.step(timeoutMs);
    if (this.acked.length < target) throw new Error(`only ${this.acked.length} of ${target} commands were accepted`);
  }

  async step(timeoutMs = 5000): Promise<Ack<unknown>> {
    const i = this.n++;
    const view = this.desk().view();
    const visits = Object.values(view.visits);
    const inState = (s: VisitCard['state']) => visits.filter((v) => v.state === s);
    const queued = inState('queued').sort((a, b) => a.queueRank - b.queueRank);
    const cleaning = Object.values(view.rooms).filter((r) => r.state === 'cleaning');
    const incidents = Object.values(view.incidents);

    if (i % 4 === 0 || !visits.length) return this.checkIn(i, timeoutMs);
    if (i % 11 === 5 && queued.length >= 2) return this.desk_('queue:reorder', { visitId: queued.at(-1)!.id, beforeVisitId: queued[0]!.id }, timeoutMs);
    if (i % 13 === 7) return this.desk_('incident:raise', { kind: 'other', visitId: null, roomId: 'room-3', note: `check ${i}` }, timeoutMs);
    const open = incidents[0];
    if (open && open.acknowledgedAt === null) return this.desk_('incident:acknowledge', { incidentId: open.id }, timeoutMs);
    if (open) return this.desk_('incident:resolve', { incidentId: open.id, resolution: 'done' }, timeoutMs);
    const closing = inState('closing')[0];
    if (closing) return this.desk_('visit:close', { visitId: closing.id, rating: { csat: 5 }, aftercare: { notes: 'Rest well', homeProducts: [] } }, timeoutMs);
    if (cleaning[0]) return this.desk_('room:ready', { roomId: cleaning[0].id }, timeoutMs);
    const running = inState('in_service')[0];
    if (running) {
      return running.notes.length < 1
        ? this.desk_('session:note', { visitId: running.id, kind: 'pressure', text: 'a little softer' }, timeoutMs)
        : this.desk_('visit:finish', { visitId: running.id }, timeoutMs);
    }
    const confirmed = inState('plan_confirmed')[0];
    if (confirmed) return this.desk_('visit:start', { visitId: confirmed.id }, timeoutMs);
    const assigned = inState('assigned')[0];
    if (assigned && assigned.acceptedAt === null) return this.desk_('visit:accept', { visitId: assigned.id }, timeoutMs);
    if (assigned && (assigned.plan?.version ?? 1) < 2) {
      const service = view.services[assigned.serviceId]!;
      return this.desk_('plan:update', { visitId: assigned.id, plan: { serviceIds: [service.id], durationMin: service.durationMin, notes: 'as booked' } }, timeoutMs);
    }
    if (assigned) return this.desk_('plan:confirm', { visitId: assigned.id, planVersion: assigned.plan?.version ?? 1 }, timeoutMs);
    return this.checkIn(i, timeoutMs);
  }

  private checkIn(i: number, timeoutMs: number): Promise<Ack<unknown>> {
    const input = kioskCheckIn({
      client: { firstName: `Guest${String(i).padStart(3, '0')}`, phone: `+4479${String(10_000_000 + i)}` },
      serviceId: SERVICES[i % SERVICES.length]!,
    });
    return this.send(this.kiosk(), 'visit:checkIn', input, timeoutMs);
  }

  private desk_(name: string, input: Record<string, unknown>, timeoutMs: number): Promise<Ack<unknown>> {
    return this.send(this.desk().socket, name, { commandId: newCommandId(), ...input }, timeoutMs);
  }

  private async send(socket: Socket, name: string, input: Record<string, unknown>, timeoutMs: number): Promise<Ack<unknown>> {
    const ack = (await socket.timeout(timeoutMs).emitWithAck(name, input)) as Ack<unknown>;
    if (ack.ok) this.acked.push({ name, input, data: ack.data });
    return ack;
  }
}
