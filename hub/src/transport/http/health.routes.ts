import { Hono } from 'hono';
import type { Health } from '@glow/shared';
import type { HubCore } from '../../hub-core.ts';

export function healthRoutes(core: HubCore): Hono {
  return new Hono().get('/', (c) =>
    c.json({ ok: true, version: core.deps.version ?? '0.0.0', revision: core.engine.revision } satisfies Health),
  );
}
