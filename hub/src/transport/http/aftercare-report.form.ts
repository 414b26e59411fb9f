import { CommandIdSchema, ProblemReportInputSchema, reportWindowOpen, type ComplaintPhoto, type Language } from '@glow/shared';
import type { Context } from 'hono';
import type { HubCore } from '../../hub-core.ts';
import { MAX_PHOTO_BYTES } from '../../services/aftercare-photo.ts';
import { aftercareSettingsOf } from '../../services/aftercare-settings.ts';
import type { AftercareLink } from '../../services/aftercare.service.ts';
import { decideReportProblem } from '../../services/complaint.service.ts';
import type { PhotoStore } from '../../services/photo-store.ts';
import type { PhoneForm, Problem } from './phone-form.ts';
import { phoneTranslator, type PhoneMessageKey } from './phone-messages.ts';

/** The report form carries a photo of up to 5 MB; the rest of the form is small. */
const REPORT_BODY_LIMIT = MAX_PHOTO_BYTES + 64 * 1024;

const ReportFormSchema = ProblemReportInputSchema.extend({ commandId: CommandIdSchema });

/** The form's fields by name, as the message of a malformed form names them. */
const LABELS: Record<string, PhoneMessageKey> = { kind: 'report.kind', since: 'report.since', description: 'report.description', contact: 'report.contact' };

/** Whom an aftercare page's form speaks for, for the command record: the link it was sent from (its hash, not the token). */
export const aftercareSender = (link: AftercareLink): string => `aftercare:${link.tokenHash}`;

type Report = { complaintId: string; photo: ComplaintPhoto | null };

/**
 * The problem report (`/a/<token>/report`): what happened, since when, how to be contacted, and an optional photo,
 * which the photo store cleans and writes before the command that names it, and removes again when the report is
 * refused or a retry is answered with the first report.
 */
export function reportForm(
  core: HubCore,
  photos: PhotoStore,
  render: (c: Context, link: AftercareLink, language: Language, problem: Problem | null, fields: Readonly<Record<string, string>>) => Response | Promise<Response>,
): PhoneForm<AftercareLink, typeof ReportFormSchema, { complaintId: string }, Report> {
  return {
    schema: ReportFormSchema,
    maxBytes: REPORT_BODY_LIMIT,
    render,
    invalid: (issues, language) => {
      const t = phoneTranslator(language);
      const fields = issues ? new Set(issues.map((i) => t(LABELS[String(i.path[0])] ?? 'report.title'))) : [t('report.title')];
      return t('error.form', { fields: [...fields].join(', ') });
    },
    tooLarge: (language) => phoneTranslator(language)('error.too_large'),
    command: 'problem:report',
    sender: aftercareSender,
    async prepare(_input, body, _link, language) {
      const complaintId = core.deps.newId();
      const file = body.photo;
      if (!(file instanceof File) || file.size === 0) return { value: { complaintId, photo: null }, settle: async () => {} };
      const photo = await photos.keep(new Uint8Array(await file.arrayBuffer()));
      if (typeof photo === 'string') return { message: phoneTranslator(language)(`error.${photo}`), status: photo === 'photo_too_large' ? 413 : 400 };
      return {
        value: { complaintId, photo },
        // A refused report, or a retry answered with the first report, leaves no photo behind.
        settle: async (ack) => {
          if (!ack.ok || (ack.data as Report).complaintId !== complaintId) await photos.discard(photo);
        },
      };
    },
    decide: ({ commandId: _, ...input }, _link, c, report) => (s, now) =>
      decideReportProblem(s, now, c.req.param('token') ?? '', input, {
        complaintId: report?.complaintId ?? core.deps.newId(),
        photo: report?.photo ?? null,
        reportOpen: (closedAt) => reportWindowOpen(closedAt, aftercareSettingsOf(s), s.meta.floor.timeZone, now),
      }),
    done: (c, _link, language) => `/a/${c.req.param('token')}?lang=${language}&reported=1#problems-list`,
    refused(c, link, language, error, fields) {
      const t = phoneTranslator(language);
      if (error.reason === 'report_window_closed' || error.reason === 'too_many_reports') return render(c, link, language, { message: t(`error.${error.reason}`), status: 409 }, fields);
      return render(c, link, language, { message: t('error.unavailable'), status: 503 }, fields);
    },
  };
}
