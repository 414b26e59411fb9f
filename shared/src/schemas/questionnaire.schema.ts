import { z } from 'zod';
import { IdSchema, LocalizedTextSchema } from './common.schema.ts';
import { ServiceCategorySchema } from './service.schema.ts';

export const QUESTION_KINDS = ['single', 'multiple', 'scale', 'yes_no', 'date', 'text'] as const;
export const QuestionKindSchema = z.enum(QUESTION_KINDS);
export type QuestionKind = z.infer<typeof QuestionKindSchema>;

export const AnswerValueSchema = z.union([
  z.string().max(2000),
  z.array(z.string().max(100)).max(30),
  z.number().finite(),
  z.boolean(),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

/** What a contraindication rule does when its answer is given. */
export const RULE_EFFECTS = ['warn', 'block'] as const;
export const RuleEffectSchema = z.enum(RULE_EFFECTS);

/** A date answer within the last N days (e.g. isotretinoin taken in the last 183 days). */
export const DateWithinSchema = z.object({ withinDays: z.number().int().min(0).max(3660) }).strict();
/** A date answer more than N days ago (e.g. a patch test older than 6 months no longer counts). */
export const DateOlderThanSchema = z.object({ olderThanDays: z.number().int().min(0).max(3660) }).strict();

/**
 * The answer that triggers a rule: an option value (single/multiple), `true`/`false` for yes/no, or for a date
 * question how recent (or old) the date is, counted in whole days in the salon's time zone on the day of the answer.
 */
export const RuleTriggerSchema = z.union([z.string().max(64), z.boolean(), DateWithinSchema, DateOlderThanSchema]);
export type RuleTrigger = z.infer<typeof RuleTriggerSchema>;

export const ContraindicationRuleSchema = z.object({
  when: RuleTriggerSchema,
  effect: RuleEffectSchema,
  /** Shown to the beautician at the top of the consultation. */
  flag: LocalizedTextSchema,
});
export type ContraindicationRule = z.infer<typeof ContraindicationRuleSchema>;

export const QuestionSchema = z.object({
  id: IdSchema,
  kind: QuestionKindSchema,
  label: LocalizedTextSchema,
  required: z.boolean(),
  options: z.array(z.object({ value: IdSchema, label: LocalizedTextSchema })).max(30).default([]),
  /** Scale bounds, for kind `scale`. */
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  /** Show the question only when an earlier answer equals one of these values. */
  showIf: z
    .object({ questionId: IdSchema, anyOf: z.array(z.union([z.string(), z.boolean()])).min(1) })
    .optional(),
  rules: z.array(ContraindicationRuleSchema).max(10).default([]),
  /** For kind `date`: whether a date after today is a valid answer (by default it is not: "when did you last…"). */
  allowFuture: z.boolean().optional(),
  /** For kind `text`: the longest answer accepted (at most 2000 characters). */
  maxLength: z.number().int().min(1).max(2000).optional(),
});
export type Question = z.infer<typeof QuestionSchema>;

export const QuestionnaireSchema = z.object({
  id: IdSchema,
  category: ServiceCategorySchema,
  version: z.number().int().min(1),
  questions: z.array(QuestionSchema).max(100),
});
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;

/**
 * A questionnaire the manager sends to replace the current one: the stored shape plus the checks that make it
 * usable (unique ids, options where a choice needs them, a scale with bounds, conditions on earlier questions, rules
 * that fit their question's kind). Each problem is reported on the question it concerns, by its id.
 */
export const QuestionnaireDefinitionSchema = QuestionnaireSchema.superRefine((qn, ctx) => {
  const seen = new Map<string, Question>();
  const problem = (q: Question, message: string) => ctx.addIssue({ code: 'custom', path: ['questions', q.id], message });
  for (const q of qn.questions) {
    if (seen.has(q.id)) problem(q, 'questionnaire_duplicate_id');
    const choice = q.kind === 'single' || q.kind === 'multiple';
    const values = new Set(q.options.map((o) => o.value));
    if (choice && (q.options.length < 2 || values.size !== q.options.length)) problem(q, 'questionnaire_options');
    if (!choice && q.options.length > 0) problem(q, 'questionnaire_options');
    if (q.kind === 'scale' && !(q.min !== undefined && q.max !== undefined && q.min < q.max && q.max - q.min <= 100))
      problem(q, 'questionnaire_scale');
    if (q.showIf) {
      const dep = seen.get(q.showIf.questionId);
      const fits = dep !== undefined && q.showIf.anyOf.every((v) => triggerFits(dep, v));
      if (!fits) problem(q, 'questionnaire_condition');
    }
    if (!q.rules.every((r) => triggerFits(q, r.when))) problem(q, 'questionnaire_rule');
    // A client reads the label and options in their own language, and the beautician the flag in theirs: none may
    // be blank. Reported on the very text (questions.<index>.label.zh-CN…), so a form can mark that box.
    const index = qn.questions.indexOf(q);
    const texts: [(string | number)[], { en: string; 'zh-CN': string }][] = [
      [['label'], q.label],
      ...q.options.map((o, j): [(string | number)[], typeof o.label] => [['options', j, 'label'], o.label]),
      ...q.rules.map((r, k): [(string | number)[], typeof r.flag] => [['rules', k, 'flag'], r.flag]),
    ];
    for (const [at, text] of texts) {
      for (const lang of ['en', 'zh-CN'] as const) {
        if (!text[lang].trim()) ctx.addIssue({ code: 'custom', path: ['questions', index, ...at, lang], message: 'required' });
      }
    }
    seen.set(q.id, q);
  }
});

/** Whether a rule trigger or condition value can ever match an answer to this question. */
function triggerFits(q: Question, when: RuleTrigger): boolean {
  switch (q.kind) {
    case 'single':
    case 'multiple':
      return typeof when === 'string' && q.options.some((o) => o.value === when);
    case 'yes_no':
      return typeof when === 'boolean';
    case 'date':
      return typeof when === 'object';
    default:
      return false;
  }
}

/** Answers keyed by question id. */
export const AnswersSchema = z.record(IdSchema, AnswerValueSchema);
export type Answers = z.infer<typeof AnswersSchema>;
