import type { Context } from 'hono';
import type { z } from 'zod';
import { invalidInput, refuse, toAppError } from '../../services/app-error.ts';
import { languageFrom } from './language.ts';

/**
 * Reads and validates a JSON body with a shared schema. Requires the JSON content type (a form post from another
 * site cannot reach a JSON route), and answers every failure with a 4xx whose message names the field and the rule.
 */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  const language = languageFrom(c.req.header('accept-language'));
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    return { ok: false, response: c.json({ ok: false, error: toAppError(refuse('invalid_input'), language) }, 415) };
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: c.json({ ok: false, error: toAppError(refuse('invalid_input'), language) }, 400) };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { ok: false, response: c.json({ ok: false, error: invalidInput(parsed.error.issues, language) }, 400) };
  return { ok: true, data: parsed.data };
}
