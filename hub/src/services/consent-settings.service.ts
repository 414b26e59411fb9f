import type { ConsentText, ConsentTextInput, LocalizedText } from '@glow/shared';
import type { HubState } from '../store/hub-state.ts';
import type { Decision } from './hub-engine.ts';

const sameText = (a: LocalizedText, b: LocalizedText): boolean => a.en === b.en && a['zh-CN'] === b['zh-CN'];

/** Whether the words a client reads changed (title, body, purpose, what declining means), in either language. */
export function wordingChanged(current: ConsentText, input: Pick<ConsentTextInput, 'title' | 'body' | 'purpose' | 'ifDeclined'>): boolean {
  return (
    !sameText(current.title, input.title) ||
    !sameText(current.body, input.body) ||
    !sameText(current.purpose, input.purpose) ||
    !sameText(current.ifDeclined, input.ifDeclined)
  );
}

/**
 * The manager edits a consent text. A change of wording makes it the next version, so every consent given from now
 * on records what the client was actually shown, and consents given before keep pointing at the old words (the
 * kiosk sends the version it showed; the check-in compares it with this one). Only the signature toggle changing
 * keeps the version: the client agrees to the same words. A kind never set before starts at version 1; terms are
 * the one consent a client must accept to check in.
 */
export function decideConsentText(
  state: Readonly<HubState>,
  input: Omit<ConsentTextInput, 'commandId'>,
): Decision<{ kind: ConsentText['kind']; version: number; newVersion: boolean }> {
  const consents = state.meta.consents ?? {};
  const current = consents[input.kind];
  const newVersion = !current || wordingChanged(current, input);
  const next: ConsentText = {
    kind: input.kind,
    version: current ? current.version + (newVersion ? 1 : 0) : 1,
    title: input.title,
    body: input.body,
    purpose: input.purpose,
    ifDeclined: input.ifDeclined,
    required: current?.required ?? input.kind === 'terms',
    signatureRequired: input.signatureRequired,
  };
  return {
    changes: { meta: { consents: { ...consents, [input.kind]: next } } },
    result: { kind: input.kind, version: next.version, newVersion },
  };
}
