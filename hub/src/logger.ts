/** The logging interface the hub uses: pino's, so main.ts passes a pino logger and tests a silent one. */
export type LogFn = (obj: object, msg?: string) => void;
export type Logger = { info: LogFn; warn: LogFn; error: LogFn; debug: LogFn };

const noop: LogFn = () => {};
export const silentLogger: Logger = { info: noop, warn: noop, error: noop, debug: noop };
