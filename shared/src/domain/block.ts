import type { Visit } from '../schemas/visit.schema.ts';

/**
 * A visit whose consultation fired a blocking contraindication, not yet overridden by a manager: nobody may take the
 * client (the planner skips it, manual assignment is refused, the plan cannot be confirmed).
 */
export const needsManagerOverride = (visit: Pick<Visit, 'blocked' | 'blockOverride'>): boolean =>
  visit.blocked === true && !visit.blockOverride;
