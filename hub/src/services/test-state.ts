import { demoSalon } from '../seed/salon-seed.ts';
import type { HubState } from '../store/hub-state.ts';

/** The demo salon as a state for service tests (PIN hashing makes it slow-ish, so build it once per file). */
export const demoState = (): Promise<HubState> => demoSalon();

let n = 0;
export const sequentialIds = () => () => `id${++n}`;
