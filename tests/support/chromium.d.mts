export function findChromium(): string | null;
export const INSTALL_HINT: string;
export const CHROMIUM_ARGS: string[];
