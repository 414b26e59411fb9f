import { z } from 'zod';
import { freeText, IdSchema, TimestampSchema } from './common.schema.ts';

/**
 * What the client says went wrong, on the aftercare page. A reaction or an injury is an incident (safety first, the
 * manager is alerted at once); the others are complaints about the result or a product (domain README §4).
 */
export const PROBLEM_KINDS = ['reaction', 'injury', 'result', 'product', 'other'] as const;
export const ProblemKindSchema = z.enum(PROBLEM_KINDS);
export type ProblemKind = z.infer<typeof ProblemKindSchema>;

export const isIncidentProblem = (kind: ProblemKind): boolean => kind === 'reaction' || kind === 'injury';

/** How the client wants to hear back. */
export const CONTACT_PREFERENCES = ['call', 'message', 'none'] as const;
export const ContactPreferenceSchema = z.enum(CONTACT_PREFERENCES);
export type ContactPreference = z.infer<typeof ContactPreferenceSchema>;

/** When the problem started, as the client can say it. */
export const PROBLEM_SINCE = ['same_day', 'next_day', 'days_later'] as const;
export const ProblemSinceSchema = z.enum(PROBLEM_SINCE);
export type ProblemSince = z.infer<typeof ProblemSinceSchema>;

/** What the client types on the report form (the photo travels beside it). */
export const ProblemReportInputSchema = z.object({
  kind: ProblemKindSchema,
  since: ProblemSinceSchema,
  description: freeText(2000).pipe(z.string().min(1, 'required')),
  contact: ContactPreferenceSchema,
});
export type ProblemReportInput = z.infer<typeof ProblemReportInputSchema>;

/** A photo the client attached: re-encoded on the hub (metadata gone); its bytes are a blob in the data directory. */
export const ComplaintPhotoSchema = z.object({
  blobId: IdSchema,
  type: z.literal('image/jpeg'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().positive(),
});
export type ComplaintPhoto = z.infer<typeof ComplaintPhotoSchema>;

export const COMPLAINT_STATUSES = ['received', 'handling', 'resolved'] as const;
export const ComplaintStatusSchema = z.enum(COMPLAINT_STATUSES);
export type ComplaintStatus = z.infer<typeof ComplaintStatusSchema>;

/** A problem reported from the aftercare page; the response is timed from `createdAt` to `acknowledgedAt`. */
export const ComplaintSchema = z.object({
  id: IdSchema,
  visitId: IdSchema,
  clientId: IdSchema,
  /** `incident` for a reaction or an injury, else `complaint`. */
  severity: z.enum(['complaint', 'incident']),
  kind: ProblemKindSchema,
  since: ProblemSinceSchema,
  description: freeText(2000),
  contact: ContactPreferenceSchema,
  photo: ComplaintPhotoSchema.nullable(),
  language: z.enum(['en', 'zh-CN']),
  createdAt: TimestampSchema,
  status: ComplaintStatusSchema,
  acknowledgedBy: IdSchema.nullable(),
  acknowledgedAt: TimestampSchema.nullable(),
  resolvedBy: IdSchema.nullable(),
  resolvedAt: TimestampSchema.nullable(),
  resolution: freeText(1000),
  /**
   * What the visit was, kept on a complaint about a visit the hub no longer holds in memory (a follow-up call found a
   * problem about a visit in a month left on disk, #16): the board names its service and ticket without reading the
   * disk. Absent on a complaint about a visit in memory.
   */
  visitAbout: z.object({ serviceId: IdSchema, ticket: z.string().max(16), at: TimestampSchema }).optional(),
});
export type Complaint = z.infer<typeof ComplaintSchema>;
