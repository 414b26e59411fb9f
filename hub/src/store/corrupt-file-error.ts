import type { z } from 'zod';

/**
 * A file that exists but cannot be trusted (empty, truncated, not JSON, wrong shape, a gap). Internal to the store:
 * recovery catches it to try the previous generation, and only if that fails turns it into StoreError('corrupt').
 */
export class CorruptFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'CorruptFileError';
  }
}

/** The first few zod issues as one line, so the message says where in the file the data is wrong. */
export function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `unexpected content (${shown.join('; ')}${more})`;
}
