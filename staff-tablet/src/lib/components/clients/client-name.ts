import { formatPersonName } from '@glow/shared';

/** A client's name as people of the salon write it: 王美丽 (family name first, no space), or "Zoë Müller" (shared rule). */
export const clientName = (c: { firstName: string; lastName: string }): string => formatPersonName(c);
