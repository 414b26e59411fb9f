import type { ServiceAftercareInput } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import { refuse, type Refusal } from './app-error.ts';
import type { Decision } from './hub-engine.ts';

/**
 * The manager rewrites a service's aftercare template and its structured guide (both languages, already checked by
 * ServiceAftercareInputSchema). The whole service record is written again, so the staff and kiosk views get it as
 * one patch, and the aftercare pages read the service when they render: clients see the new words at once.
 */
export function decideServiceAftercare(
  state: Readonly<HubState>,
  input: Pick<ServiceAftercareInput, 'serviceId' | 'aftercare' | 'aftercareGuide'>,
): Decision<Record<string, never>> | Refusal {
  const service = state.services[input.serviceId];
  if (!service) return refuse('not_found', 'unknown_service');
  return {
    changes: { services: { [service.id]: { ...service, aftercare: input.aftercare, aftercareGuide: input.aftercareGuide } } },
    result: {},
  };
}
