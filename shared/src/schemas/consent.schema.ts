import { z } from 'zod';
import { LocalizedTextSchema, TimestampSchema } from './common.schema.ts';

/**
 * The three consents a client gives at the kiosk, each separately (domain README: health data is special-category
 * data, so its processing needs its own explicit consent with its purpose stated; marketing is always optional).
 */
export const CONSENT_KINDS = ['terms', 'health', 'marketing'] as const;
export const ConsentKindSchema = z.enum(CONSENT_KINDS);
export type ConsentKind = z.infer<typeof ConsentKindSchema>;

/** Consents that may be signed on the screen (marketing is a simple opt-in). */
export const SIGNABLE_CONSENTS = ['terms', 'health'] as const;
export const SignableConsentSchema = z.enum(SIGNABLE_CONSENTS);

/**
 * A consent text as the salon words it (a salon setting). Each edit gets a new `version`, and every consent given is
 * recorded with the version that was shown, so the salon can always tell what a client agreed to.
 */
export const ConsentTextSchema = z.object({
  kind: ConsentKindSchema,
  version: z.number().int().min(1),
  title: LocalizedTextSchema,
  body: LocalizedTextSchema,
  /** Why the salon asks (shown above the choice); for health, what the answers are used for. */
  purpose: LocalizedTextSchema,
  /** What happens if the client says no (health: the beautician asks in person instead). */
  ifDeclined: LocalizedTextSchema,
  /** The client must accept it to check in (terms); health and marketing are free choices. */
  required: z.boolean(),
  /** The salon asks for a signature on the screen when this consent is granted. */
  signatureRequired: z.boolean(),
});
export type ConsentText = z.infer<typeof ConsentTextSchema>;

/** The salon's consent texts, one per kind. */
export const ConsentSettingsSchema = z.partialRecord(ConsentKindSchema, ConsentTextSchema);
export type ConsentSettings = z.infer<typeof ConsentSettingsSchema>;

/** A consent choice as the kiosk sends it: the version of the text the client was shown, and yes or no. */
export const ConsentChoiceSchema = z
  .object({ kind: ConsentKindSchema, version: z.number().int().min(1).max(1_000_000), granted: z.boolean() })
  .strict();
export type ConsentChoice = z.infer<typeof ConsentChoiceSchema>;

/** One line of a client's consent history (kept whole: a later "no" does not erase an earlier "yes"). */
export const ConsentRecordSchema = z.object({
  kind: ConsentKindSchema,
  version: z.number().int().min(1),
  granted: z.boolean(),
  at: TimestampSchema,
});
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

/** Signature pad bounds: a signature is a few strokes, never an image upload. */
export const SIGNATURE_LIMITS = { maxStrokes: 50, maxPointsTotal: 4000, maxSide: 2000 } as const;

/**
 * A signature drawn on the kiosk: the pad's size and the strokes, each a flat list of x,y pairs within the pad.
 * Bounded in strokes and points so that a signature stays a few kilobytes.
 */
const signatureShape = {
  consent: SignableConsentSchema,
  width: z.number().int().min(50).max(SIGNATURE_LIMITS.maxSide),
  height: z.number().int().min(30).max(SIGNATURE_LIMITS.maxSide),
  strokes: z
    .array(z.array(z.number().finite().nonnegative().max(SIGNATURE_LIMITS.maxSide)).max(SIGNATURE_LIMITS.maxPointsTotal * 2))
    .min(1, 'signature_empty')
    .max(SIGNATURE_LIMITS.maxStrokes, 'signature_too_large'),
};

export const SignatureSchema = z
  .object(signatureShape)
  .strict()
  .superRefine((sig, ctx) => {
    let points = 0;
    for (const [i, stroke] of sig.strokes.entries()) {
      if (stroke.length < 2 || stroke.length % 2 !== 0) {
        ctx.addIssue({ code: 'custom', path: ['strokes', i], message: 'signature_shape' });
        return;
      }
      for (let p = 0; p < stroke.length; p += 2) {
        if (stroke[p]! > sig.width || stroke[p + 1]! > sig.height) {
          ctx.addIssue({ code: 'custom', path: ['strokes', i], message: 'signature_shape' });
          return;
        }
      }
      points += stroke.length / 2;
    }
    if (points > SIGNATURE_LIMITS.maxPointsTotal) ctx.addIssue({ code: 'custom', path: ['strokes'], message: 'signature_too_large' });
    // A tap is not a signature: it must cover some ground.
    if (points < 5) ctx.addIssue({ code: 'custom', path: ['strokes'], message: 'signature_empty' });
  });
export type Signature = z.infer<typeof SignatureSchema>;

/** The signatures of one check-in: one per signable consent the salon wants signed (terms and health may both be). */
export const CheckInSignaturesSchema = z
  .array(SignatureSchema)
  .min(1)
  .max(SIGNABLE_CONSENTS.length)
  .refine((s) => new Set(s.map((x) => x.consent)).size === s.length, { message: 'signature_twice' });
export type CheckInSignatures = z.infer<typeof CheckInSignaturesSchema>;

/** A signature as kept with the visit (already checked on the way in), with the time it was given. */
export const StoredSignatureSchema = z.object({ ...signatureShape, at: TimestampSchema });
export type StoredSignature = z.infer<typeof StoredSignatureSchema>;

/**
 * The signatures kept with a visit, one per signed consent; null when none was asked for. (Visits stored when a
 * check-in carried one signature held it as a single object: the hub's data migration 3 made it a list of one.)
 */
export const VisitSignaturesSchema = z.array(StoredSignatureSchema).min(1).max(SIGNABLE_CONSENTS.length).nullable();
