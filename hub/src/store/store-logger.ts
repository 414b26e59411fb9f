/** What the store logs through: the three pino methods it uses, with pino's (object, message) argument order. */
export interface StoreLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export const silentLogger: StoreLogger = {
  info() {},
  warn() {},
  error() {},
};
