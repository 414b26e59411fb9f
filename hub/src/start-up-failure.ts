import { errorCode } from './store/store-fs.ts';
import { StoreError, type StorePort } from './store/store.port.ts';

/** `expected`: a condition of the machine or the data, said in full by the message; otherwise a bug worth its stack. */
export type StartFailure = { message: string; exitCode: number; expected: boolean };

export type StartContext = {
  store: StorePort;
  dataDir: string;
  port: number;
  /** How the person running the hub accepts a loss of acknowledged changes (main.ts knows the flag's name). */
  acceptLossHint: string;
};

/** Exit codes: 2 the data directory (damaged, in use, cannot be written), 1 anything else. */
const DATA_EXIT = 2;
const OTHER_EXIT = 1;

/**
 * Turns whatever stopped the hub from starting into one line a person can act on, and an exit code. main.ts prints
 * it instead of letting the error escape with a stack trace: a full disk surfaces at different steps (taking the
 * lock, seeding, the first checkpoint, the first command after start-up, where the engine answers "busy"), and
 * each must read as what it is.
 */
export function describeStartFailure(err: unknown, context: StartContext): StartFailure {
  if (err instanceof StoreError) {
    if (err.kind === 'io') return cannotWrite(context, err.message);
    const hint = err.details.canAcceptLoss ? ` Or, to start with what is left and lose the missing changes for good, ${context.acceptLossHint}.` : '';
    return { message: oneLine(`${err.message}${hint}`), exitCode: DATA_EXIT, expected: true };
  }
  const status = context.store.writeStatus();
  if (!status.writable) return cannotWrite(context, status.reason);
  const code = errorCode(err);
  if (code === 'EADDRINUSE') {
    return {
      message: `port ${context.port} is already in use (another Glow hub or another program). Stop it, or start with another PORT.`,
      exitCode: OTHER_EXIT,
      expected: true,
    };
  }
  if (code === 'EACCES' && err instanceof Error && /listen/.test(err.message)) {
    return {
      message: `this user may not listen on port ${context.port}. Start with PORT=8080 or above.`,
      exitCode: OTHER_EXIT,
      expected: true,
    };
  }
  return { message: oneLine(err instanceof Error ? err.message : String(err)), exitCode: OTHER_EXIT, expected: false };
}

function cannotWrite(context: StartContext, reason: string): StartFailure {
  const full = /ENOSPC/.test(reason);
  const what = full ? 'the disk is full' : 'the disk refused a write';
  const todo = full ? 'Free some space on that disk' : 'Check the disk and its permissions';
  return {
    message: oneLine(`cannot save to the data directory ${context.dataDir}: ${what} (${reason}). ${todo} and start Glow again.`),
    exitCode: DATA_EXIT,
    expected: true,
  };
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();
