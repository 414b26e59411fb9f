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

export const ContraindicationRuleSchema = z.object({
  /** The answer that triggers the rule: an option value, `true` for yes/no. */
  when: z.union([z.string(), z.boolean()]),
  effect: RuleEffectSchema,
  /** Shown to the beautician at the top of the consultation. */
  flag: LocalizedTextSchema,
});

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
});
export type Question = z.infer<typeof QuestionSchema>;

export const QuestionnaireSchema = z.object({
  id: IdSchema,
  category: ServiceCategorySchema,
  version: z.number().int().min(1),
  questions: z.array(QuestionSchema).max(100),
});
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;

/** Answers keyed by question id. */
export const AnswersSchema = z.record(IdSchema, AnswerValueSchema);
export type Answers = z.infer<typeof AnswersSchema>;
