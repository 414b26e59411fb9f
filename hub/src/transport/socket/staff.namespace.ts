import { decideMarkPresent } from '../../services/presence.service.ts';
import {
  PROTOCOL_VERSION,
  STAFF_COMMANDS,
  StaffHandshakeSchema,
  type Language,
  type StaffSession,
  type StaffSnapshot,
} from '@glow/shared';
import type { Namespace, Socket } from 'socket.io';
import type { HubCore } from '../../hub-core.ts';
import { invalidInput, isRefusal, refuse, toAppError } from '../../services/app-error.ts';
import { DataLossAlarm } from '../../services/data-loss-alarm.ts';
import type { Actor } from '../../services/visit-access.ts';
import { audienceKey, type Audience } from '../../services/views.ts';
import { bindCommands } from './bind-commands.ts';
import { handshakeError, protocolRefusal } from './handshake-error.ts';
import { staffCommandHandlers } from './staff.handlers.ts';
import { pinStaffHandlers } from './pin.handlers.ts';
import { AUDIENCE_ROOM_PREFIX, type Publisher } from './publisher.ts';

export type StaffSocketData = { deviceId: string; language: Language; session: StaffSession | null; audience?: string };

/** One alarm per hub, for enterAudience (a module function) to find: see DataLossAlarm. */
const alarms = new WeakMap<HubCore, DataLossAlarm>();
const MANAGER_ROOM = AUDIENCE_ROOM_PREFIX + audienceKey({ kind: 'manager' });

/** Staff tablets: a paired device (secret in the handshake), then a staff member signed in with a PIN. */
export function setUpStaffNamespace(nsp: Namespace, core: HubCore, publisher: Pick<Publisher, 'left'>): void {
  const alarm = new DataLossAlarm(core.deps.logger, core.deps.clock);
  alarms.set(core, alarm);
  // Runs on every connection, including one that resumes through connection-state recovery (`skipMiddlewares:
  // false` in app.ts): a revoked tablet can never come back, whichever way it reconnects. (And recovery-guard.ts
  // keeps socket.io from restoring a revoked tablet's session at all, so it is not replayed what it missed.)
  nsp.use((socket, next) => {
    const parsed = StaffHandshakeSchema.safeParse(socket.handshake.auth ?? {});
    if (!parsed.success) return next(handshakeError(invalidInput(parsed.error.issues, 'en')));
    const { protocolVersion, deviceId, deviceSecret, sessionToken, language } = parsed.data;
    const outdated = protocolRefusal(protocolVersion, language);
    if (outdated) return next(outdated);
    // A kiosk's credential opens the kiosk namespace only: it is no tablet.
    if (!core.reads.pairedDevice(deviceId, 'tablet', deviceSecret)) {
      return next(handshakeError(toAppError(refuse('unauthorized', 'unknown_device'), language)));
    }
    const session = core.auth.resume(deviceId, sessionToken);
    // A token the hub does not hold (signed out, revoked, expired, or from before a restart) is not honoured: the
    // tablet connects signed out.
    if (sessionToken && !session) core.securityLog.record({ kind: 'session_refused', deviceId, address: socket.handshake.address });
    // A tablet that held a revision this hub never reached: acknowledged changes were lost. Say so, loudly.
    const alert = alarm.check(deviceId, parsed.data.revision, core.engine.revision);
    if (alert) nsp.to(MANAGER_ROOM).emit('hub:dataLoss', alert);
    const data: StaffSocketData = { deviceId, language, session };
    socket.data = data;
    next();
  });

  nsp.on('connection', (socket) => {
    const data = socket.data as StaffSocketData;
    enterAudience(socket, core, true);

    socket.on('sync:resync', (ack: unknown) => {
      if (typeof ack === 'function') ack(staffSnapshot(core, data));
    });
    socket.on('disconnect', () => {
      if (data.audience) publisher.left('staff', data.audience);
    });

    const actor = (): Actor => ({ staffId: data.session!.staffId, role: data.session!.role });

    bindCommands(
      socket,
      STAFF_COMMANDS,
      {
        'auth:login': async (input, lang) => {
          const result = await core.auth.login({ deviceId: data.deviceId, address: socket.handshake.address }, input.staffId, input.pin);
          if (isRefusal(result)) return { ok: false, error: toAppError(result, lang) };
          data.session = result;
          // Signing in on a tablet is being here today: the planner may offer this staff member clients from now on.
          // Recorded before the answer, so that what the tablet sees next already follows from it.
          if (!core.reads.isPresentToday(result.staffId, core.deps.clock())) {
            await core.engine.execute({ command: 'staff:present', commandId: null, language: lang }, (s, now) =>
              decideMarkPresent(s, now, core.today(now), result.staffId, result.staffId),
            );
          }
          // The answer first, then the snapshot of what this staff member may see.
          setImmediate(() => enterAudience(socket, core));
          return { ok: true, data: result };
        },
        'auth:logout': async () => {
          // Ended on the hub: the token is refused from now on, and any other socket that resumed with it is signed out.
          const token = data.session?.token;
          data.session = null;
          if (token) core.auth.logout(token);
          setImmediate(() => {
            enterAudience(socket, core);
            if (token) endSessionsWithToken(nsp, core, token);
          });
          return { ok: true, data: {} };
        },
        ...staffCommandHandlers(core, actor, `device:${data.deviceId}`),
        ...pinStaffHandlers(core, actor, { deviceId: data.deviceId, address: socket.handshake.address }, () => data.session, () =>
          // After the manager's answer: every tablet whose session the hub no longer holds gets auth:ended and the locked view.
          setImmediate(() => {
            for (const other of nsp.sockets.values()) endSessionIfExpired(other, core);
          }),
        ),
      },
      () => ({ language: data.language, role: currentRole(socket, core, data) }),
      core.deps.logger,
    );
  });
}

/**
 * A tablet was revoked: tell its sockets why, then close them at once. The client's own reconnection (or a
 * connection-state recovery) then meets the handshake middleware, which refuses a revoked device.
 */
export function disconnectDevice(nsp: Namespace, deviceId: string): void {
  for (const socket of nsp.sockets.values()) {
    if ((socket.data as StaffSocketData | undefined)?.deviceId !== deviceId) continue;
    socket.emit('auth:ended', { reason: 'revoked' });
    socket.disconnect(true);
  }
}

/**
 * Ends the socket's staff session if the hub no longer holds it open: its `expiresAt` has passed (reason `expired`),
 * or it was signed out — on another socket of the tablet — or its staff member deactivated (reason `logout`). The
 * tablet is told (`auth:ended`) and moved to the signed-out view at once, so it stops receiving what only a signed-in
 * member may see. Run by the session sweep (session-expiry.ts) and before every command. Returns whether it ended one.
 */
export function endSessionIfExpired(socket: Socket, core: HubCore): boolean {
  const data = socket.data as StaffSocketData | undefined;
  if (!data?.session) return false;
  const expired = data.session.expiresAt <= core.deps.clock();
  if (!expired && core.auth.isOpen(data.deviceId, data.session.token)) return false;
  data.session = null;
  socket.emit('auth:ended', { reason: expired ? 'expired' : 'logout' });
  enterAudience(socket, core);
  return true;
}

/** After a sign-out: every other socket still holding that session's token is signed out now. */
function endSessionsWithToken(nsp: Namespace, core: HubCore, token: string): void {
  for (const socket of nsp.sockets.values()) {
    if ((socket.data as StaffSocketData | undefined)?.session?.token === token) endSessionIfExpired(socket, core);
  }
}

/** The role of the signed-in staff member, or null once the session has expired. */
function currentRole(socket: Socket, core: HubCore, data: StaffSocketData) {
  endSessionIfExpired(socket, core);
  return data.session?.role ?? null;
}

function audienceOf(session: StaffSession | null): Audience {
  if (!session) return { kind: 'locked' };
  if (session.role === 'beautician') return { kind: 'beautician', staffId: session.staffId };
  return session.role === 'manager' ? { kind: 'manager' } : { kind: 'floor' };
}

/**
 * Moves the socket to the room of what it may now see and sends that view whole. A connection restored by
 * connection-state recovery into the same audience needs no snapshot: socket.io has just replayed the patches it
 * missed, in order, and they carry on from the revision it held.
 */
function enterAudience(socket: Socket, core: HubCore, onConnect = false): void {
  const data = socket.data as StaffSocketData;
  const key = audienceKey(audienceOf(data.session));
  const room = AUDIENCE_ROOM_PREFIX + key;
  const resumed = onConnect && socket.recovered && socket.rooms.has(room);
  for (const r of socket.rooms) if (r.startsWith(AUDIENCE_ROOM_PREFIX) && r !== room) void socket.leave(r);
  data.audience = key;
  void socket.join(room);
  if (!resumed) socket.emit('sync:snapshot', staffSnapshot(core, data));
  const alert = alarms.get(core)?.alert;
  if (alert && room === MANAGER_ROOM) socket.emit('hub:dataLoss', alert);
}

export function staffSnapshot(core: HubCore, data: StaffSocketData): StaffSnapshot {
  return {
    protocolVersion: PROTOCOL_VERSION,
    revision: core.views.revision,
    salon: core.reads.salonView(),
    session: data.session,
    view: core.views.staffView(audienceOf(data.session)),
  };
}
