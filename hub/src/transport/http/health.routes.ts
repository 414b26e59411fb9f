import { Hono } from 'hono';
import type { Health } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';

/**
 * Whether the hub is up and can save: a full or failing disk (the store's last write did not reach it) answers 503
 * with the reason, so a monitor or the manager sees it before a check-in is refused.
 */
export function healthRoutes(core: HubCore): Hono {
  return new Hono().get('/', (c) => {
    const version = core.deps.version ?? '0.0.0';
    const revision = core.engine.revision;
    const status = core.deps.store.writeStatus();
    if (!status.writable) {
      return c.json({ ok: false, writable: false, reason: status.reason, version, revision } satisfies Health, 503);
    }
    return c.json({ ok: true, writable: true, version, revision } satisfies Health);
  });
}
