import type { Ack, CommandMap, Language, StaffRole } from '@glow/shared';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type { Logger } from '../../logger.ts';
import { invalidInput, refuse, toAppError } from '../../services/app-error.ts';

/** Who is sending, as the binder needs to know it: the socket's language and the signed-in role, if any. */
export type CommandContext = { language: Language; role: StaffRole | null };

export type CommandHandlers<M extends CommandMap> = {
  [K in keyof M]: (input: z.output<M[K]['input']>, language: Language) => Promise<Ack<z.output<M[K]['output']>>>;
};

/**
 * The one generic binder: every command of the map gets a listener that validates the payload with its schema,
 * checks the role, and only then calls the handler. No handler ever sees unvalidated input, and nothing a client
 * sends can make a listener throw: every failure becomes an error Ack in the sender's language.
 */
export function bindCommands<M extends CommandMap>(
  socket: Socket,
  map: M,
  handlers: CommandHandlers<M>,
  context: () => CommandContext,
  logger: Logger,
): void {
  for (const name of Object.keys(map) as (keyof M & string)[]) {
    const spec = map[name]!;
    const handler = handlers[name] as (input: unknown, language: Language) => Promise<Ack<unknown>>;
    // Listeners take raw packets on purpose: the schema, not the type system, is what stands between a client and
    // the handler.
    (socket as unknown as UntypedSocket).on(name, async (raw: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return; // nobody to answer: a command without an ack callback is ignored
      const reply = ack as (res: Ack<unknown>) => void;
      const ctx = context();
      const language = languageOf(raw) ?? ctx.language;
      try {
        if (spec.roles && !ctx.role) return reply({ ok: false, error: toAppError(refuse('unauthorized', 'session_expired'), language) });
        if (spec.roles && !spec.roles.includes(ctx.role!)) return reply({ ok: false, error: toAppError(refuse('forbidden'), language) });
        const parsed = spec.input.safeParse(raw);
        if (!parsed.success) return reply({ ok: false, error: invalidInput(parsed.error.issues, language) });
        reply(await handler(parsed.data, language));
      } catch (err) {
        logger.error({ err, command: name }, 'command handler failed');
        reply({ ok: false, error: toAppError(refuse('internal'), language) });
      }
    });
  }
}

type UntypedSocket = { on(event: string, listener: (...args: unknown[]) => void): void };

/** A command may carry the language its sender reads (the kiosk's client chose it); use it for the answer. */
function languageOf(raw: unknown): Language | undefined {
  const lang = typeof raw === 'object' && raw !== null ? (raw as { language?: unknown }).language : undefined;
  return lang === 'en' || lang === 'zh-CN' ? lang : undefined;
}
