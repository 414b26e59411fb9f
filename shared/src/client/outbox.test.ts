import { describe, expect, it } from 'vitest';
import type { Ack } from '../contracts/errors.ts';
import { Outbox, type AnswerInfo, type PendingCommand } from './outbox.ts';
import type { SocketLike, StorageLike } from './socket-like.ts';

class FakeStorage implements StorageLike {
  readonly data = new Map<string, string>();
  getItem = (key: string) => this.data.get(key) ?? null;
  setItem = (key: string, value: string) => void this.data.set(key, value);
  removeItem = (key: string) => void this.data.delete(key);
}

/** A socket whose hub answers every command with `answer(name, input)`. */
class FakeSocket implements SocketLike {
  connected = false;
  readonly sent: { name: string; input: Record<string, unknown> }[] = [];
  private readonly listeners = new Map<string, Set<(...args: any[]) => void>>();
  constructor(private readonly answer: (name: string, input: Record<string, unknown>) => Ack<unknown>) {}
  on(event: string, listener: (...args: any[]) => void) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }
  off(event: string, listener: (...args: any[]) => void) {
    this.listeners.get(event)?.delete(listener);
  }
  emit() {}
  timeout() {
    return {
      emitWithAck: async (name: string, input: Record<string, unknown>) => {
        this.sent.push({ name, input });
        return this.answer(name, input);
      },
    };
  }
  connect() {
    this.connected = true;
    for (const l of this.listeners.get('connect') ?? []) l();
  }
}

const ok = (name: string, input: Record<string, unknown>): Ack<unknown> => ({ ok: true, data: { name, id: input.visitId } });
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('Outbox', () => {
  it('keeps the original signature: the fourth argument may be the pending-change callback', async () => {
    const socket = new FakeSocket(ok);
    const changes: number[] = [];
    const outbox = new Outbox(socket, new FakeStorage(), 'k', (p) => changes.push(p.length));
    const answer = outbox.send('visit:start', { visitId: 'v1' });
    socket.connect();
    await expect(answer).resolves.toEqual({ ok: true, data: { name: 'visit:start', id: 'v1' } });
    expect(changes).toEqual([1, 0]);
  });

  it('answers commands loaded from storage through onAnswer, marked as not awaited', async () => {
    const storage = new FakeStorage();
    const before = new Outbox(new FakeSocket(ok), storage, 'k');
    void before.send('visit:close', { visitId: 'v7', rating: { csat: 5 } });
    before.dispose();
    expect(JSON.parse(storage.getItem('k')!)).toHaveLength(1);

    // The page reloads: a new outbox finds the command and sends it once the socket connects.
    const socket = new FakeSocket(ok);
    const answers: [PendingCommand, Ack<unknown>, AnswerInfo][] = [];
    const pending: number[] = [];
    const after = new Outbox(socket, storage, 'k', {
      onAnswer: (command, ack, info) => answers.push([command, ack, info]),
      onPendingChange: (p) => pending.push(p.length),
    });
    expect(after.items).toHaveLength(1);
    socket.connect();
    await settle();
    expect(answers).toHaveLength(1);
    expect(answers[0]![0]).toMatchObject({ name: 'visit:close', input: { visitId: 'v7' } });
    expect(answers[0]![1]).toEqual({ ok: true, data: { name: 'visit:close', id: 'v7' } });
    expect(answers[0]![2]).toEqual({ awaited: false });
    expect(socket.sent[0]!.input.commandId).toBe(answers[0]![0].commandId);
    expect(storage.getItem('k')).toBeNull();
    expect(pending).toEqual([0]);
  });

  it('tells onAnswer about awaited commands and refusals too, before the promise resolves', async () => {
    const socket = new FakeSocket(() => ({ ok: false, error: { code: 'conflict', message: 'no' } }));
    const seen: string[] = [];
    const outbox = new Outbox(socket, new FakeStorage(), 'k', {
      onAnswer: (command, ack, info) => seen.push(`${command.name}:${ack.ok}:${info.awaited}`),
    });
    socket.connect();
    const ack = await outbox.send('plan:confirm', { visitId: 'v1' }).then((a) => (seen.push('resolved'), a));
    expect(ack.ok).toBe(false);
    expect(seen).toEqual(['plan:confirm:false:true', 'resolved']);
  });

  it('keeps a command the hub cannot take yet and does not report it', async () => {
    const socket = new FakeSocket(() => ({ ok: false, error: { code: 'unauthorized', message: 'sign in' } }));
    const seen: unknown[] = [];
    const outbox = new Outbox(socket, new FakeStorage(), 'k', { onAnswer: (...a) => seen.push(a) });
    socket.connect();
    void outbox.send('session:note', { visitId: 'v1', kind: 'other', text: 'x' });
    await settle();
    expect(seen).toEqual([]);
    expect(outbox.items).toHaveLength(1);
  });

  it('a throwing onAnswer does not stall the queue', async () => {
    const socket = new FakeSocket(ok);
    const outbox = new Outbox(socket, new FakeStorage(), 'k', {
      onAnswer: () => {
        throw new Error('listener bug');
      },
    });
    socket.connect();
    const a = outbox.send('visit:start', { visitId: 'a' });
    const b = outbox.send('visit:start', { visitId: 'b' });
    await expect(Promise.all([a, b])).resolves.toHaveLength(2);
    expect(outbox.items).toHaveLength(0);
  });
});
