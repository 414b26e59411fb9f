import { IntlMessageFormat } from 'intl-messageformat';
import type { FollowUpRule } from '../../schemas/follow-up.schema.ts';
import type { FollowUpSettings } from '../../schemas/follow-up-settings.schema.ts';
import { LANGUAGES, type Language } from '../../schemas/common.schema.ts';

/**
 * The salon's wordings are ICU messages with plain {placeholders} only (the repo's message format, parsed by
 * intl-messageformat): a placeholder the rule does not fill, a plural/select, or a brace left open is refused when
 * the settings are saved, so a message never goes out with "{nmae}" in it.
 */

/** What each rule can fill in. */
export const RULE_PLACEHOLDERS: Readonly<Record<FollowUpRule, readonly string[]>> = {
  day1: ['name', 'salon', 'service', 'date'],
  day3: ['name', 'salon', 'service', 'date'],
  day7: ['name', 'salon', 'service', 'date'],
  first_visit_day3: ['name', 'salon', 'service', 'date'],
  product_treatment: ['name', 'salon', 'service', 'date', 'product'],
  product_brand: ['name', 'salon', 'service', 'date', 'product'],
  product_supplement: ['name', 'salon', 'service', 'date', 'product'],
  booking_eve: ['name', 'salon', 'service', 'date', 'time'],
  birthday_card: ['name', 'salon', 'date'],
  birthday: ['name', 'salon', 'date', 'offer'],
  holiday: ['name', 'salon', 'date', 'holiday'],
  seasonal: ['name', 'salon', 'date', 'text'],
  win_back: ['name', 'salon', 'service', 'date'],
};

/** A seasonal message's own text and the birthday offer are filled into a rule's wording: fewer placeholders. */
export const SEASONAL_TEXT_PLACEHOLDERS: readonly string[] = ['name', 'salon', 'date'];
export const OFFER_PLACEHOLDERS: readonly string[] = ['name', 'salon'];

// intl-messageformat's element types (its parser's TYPE enum): only text and plain arguments are allowed.
const LITERAL = 0;
const ARGUMENT = 1;

export type TemplateProblem =
  | { reason: 'template_syntax'; detail: string }
  | { reason: 'template_unknown_placeholder'; placeholder: string; allowed: string }
  | { reason: 'template_not_plain'; placeholder: string };

const parse = (template: string) => new IntlMessageFormat(template, 'en', undefined, { ignoreTag: true });

/** What is wrong with a wording, or null: it parses, and every placeholder is one of `allowed`. */
export function templateProblem(template: string, allowed: readonly string[]): TemplateProblem | null {
  let ast;
  try {
    ast = parse(template).getAst();
  } catch (err) {
    return { reason: 'template_syntax', detail: err instanceof Error ? err.message : String(err) };
  }
  for (const element of ast) {
    if (element.type === LITERAL) continue;
    const name = 'value' in element ? String(element.value) : '';
    if (element.type !== ARGUMENT) return { reason: 'template_not_plain', placeholder: name };
    if (!allowed.includes(name)) return { reason: 'template_unknown_placeholder', placeholder: name, allowed: allowed.map((p) => `{${p}}`).join(' ') };
  }
  return null;
}

/** The wording with its placeholders filled; an unchecked wording that fails to parse is returned as written. */
export function renderTemplate(template: string, values: Readonly<Record<string, string>>): string {
  try {
    return String(parse(template).format(values));
  } catch {
    return template;
  }
}

/** A problem in the salon's settings, where it is: the field path the settings screen marks. */
export type SettingsTemplateProblem = TemplateProblem & { path: string };

/** Every wording of the settings checked; the first problem, or null. */
export function followUpSettingsProblem(settings: FollowUpSettings): SettingsTemplateProblem | null {
  const check = (template: string, allowed: readonly string[], path: string): SettingsTemplateProblem | null => {
    const problem = templateProblem(template, allowed);
    return problem ? { ...problem, path } : null;
  };
  for (const [rule, ruleSettings] of Object.entries(settings.rules) as [FollowUpRule, FollowUpSettings['rules'][FollowUpRule]][]) {
    for (const language of LANGUAGES) {
      const found = check(ruleSettings.wording[language], RULE_PLACEHOLDERS[rule], `rules.${rule}.wording.${language}`);
      if (found) return found;
    }
  }
  for (const [i, message] of settings.seasonal.entries()) {
    for (const language of LANGUAGES) {
      const found = check(message.wording[language], SEASONAL_TEXT_PLACEHOLDERS, `seasonal.${i}.wording.${language}`);
      if (found) return found;
    }
  }
  for (const language of LANGUAGES) {
    const found = check(settings.birthdayOffer[language], OFFER_PLACEHOLDERS, `birthdayOffer.${language}`);
    if (found) return found;
  }
  return null;
}

export type { Language };
