import { PROBLEM_KINDS, PROBLEM_SINCE, CONTACT_PREFERENCES, type Language } from '@glow/shared';
import { html, raw } from 'hono/html';
import type { AftercareSheet, SheetProduct } from '../../services/aftercare.service.ts';
import type { BookingFromVisit } from '../../services/visit-bookings.ts';
import { formatDate, formatWhen } from './phone-dates.ts';
import { phoneTranslator, type PhoneMessageKey, type PhoneTranslate } from './phone-messages.ts';
import { languageNav, phonePage, telHref, type Html } from './phone-page.ts';

export type PaperSize = 'A5' | 'A4';

// Printable as well: the sheet's own look on top of the phone pages' frame (phone-page.ts).
const STYLE = `
  body { line-height: 1.55; }
  h2 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; color: var(--accent); }
  p { margin: 0 0 .7rem; }
  .muted { color: var(--muted); margin: 0; }
  ul { margin: 0 0 .7rem; padding-left: 1.2rem; }
  li { margin-bottom: .35rem; }
  .box { border-left: 4px solid var(--line); padding: .1rem 0 .1rem .8rem; }
  .warn { border-left-color: #c0392b; }
  .notice { background: #e8f5ec; border: 1px solid #9fd0ad; border-radius: .6rem; padding: .75rem .9rem; margin: 0 0 1rem; }
  .error { background: #fdecea; border: 1px solid #e3a29b; border-radius: .6rem; padding: .75rem .9rem; margin: 0 0 1rem; }
  dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; }
  dd { margin: 0; }
  .actions { display: grid; gap: .6rem; margin-top: .6rem; }
  .actions a, button { display: flex; align-items: center; justify-content: center; min-height: 48px; padding: .6rem 1rem;
    border: 1px solid #d9b8c4; border-radius: .7rem; text-decoration: none; font: inherit; font-weight: 600;
    color: var(--accent); background: #fff; }
  .actions a.primary, button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
  .status { display: inline-block; padding: .1rem .55rem; border-radius: 1rem; font-size: .9rem; font-weight: 600;
    background: #fff3d6; color: #7a5200; }
  .status.resolved { background: #e8f5ec; color: #1e6b35; }
  .status.handling { background: #e6eefc; color: #1f4a99; }
  form label, fieldset legend { display: block; font-weight: 600; margin: 1rem 0 .35rem; }
  fieldset { border: 0; padding: 0; margin: 0; }
  fieldset label { font-weight: 400; margin: .25rem 0; display: flex; gap: .6rem; align-items: center; min-height: 44px; }
  input[type=radio] { width: 1.3rem; height: 1.3rem; flex: none; }
  textarea { width: 100%; min-height: 7rem; font: inherit; padding: .6rem; border: 1px solid #cbb; border-radius: .5rem; }
  input[type=file] { font: inherit; max-width: 100%; }
  .help { color: var(--muted); font-size: .92rem; }
  form button { width: 100%; margin-top: 1.2rem; }
  .qr svg { width: 100%; height: 100%; display: block; }
  @page { size: A5; margin: 12mm; }
  @media print { body { background: #fff; } nav, .actions, .noprint { display: none !important; } main { padding: 0; } }
`;

/** The print view: the sheet on one page of the chosen size, with its QR code. */
const printStyle = (size: PaperSize) => `
  @page { size: ${size}; margin: ${size === 'A5' ? '9mm' : '14mm'}; }
  .sheet { background: #fff; margin: 0 auto 1rem; padding: 1.2rem; border: 1px solid var(--line); }
  .sheet { font-size: ${size === 'A5' ? '.72rem' : '.9rem'}; line-height: 1.35; }
  .sheet h1 { font-size: 1.35em; } .sheet h2 { font-size: 1.05em; margin: .8em 0 .25em; }
  .sheet p, .sheet ul { margin-bottom: .45em; }
  .sheet .top { display: flex; justify-content: space-between; gap: 1rem; align-items: flex-start; }
  .sheet .qr { width: ${size === 'A5' ? '30mm' : '38mm'}; height: ${size === 'A5' ? '30mm' : '38mm'}; flex: none; }
  .sheet .scan { font-size: .8em; color: var(--muted); text-align: center; max-width: ${size === 'A5' ? '30mm' : '38mm'}; }
  /* Two columns on paper (and wide screens); one on a phone, where the preview would be cramped. */
  @media print, (min-width: 600px) { .sheet .cols { column-count: 2; column-gap: 6mm; } }
  .sheet section { break-inside: avoid; }
  .sheet .cols h2:first-child { margin-top: 0; }
  .sizes { display: flex; gap: .6rem; margin: .5rem 0 1rem; }
  .sizes a { padding: .5rem 1rem; border: 1px solid #d9b8c4; border-radius: .6rem; text-decoration: none; min-height: 44px;
    display: inline-flex; align-items: center; }
  .sizes a[aria-current] { background: var(--accent); color: #fff; }
  @media screen { .sheet { max-width: ${size === 'A5' ? '148mm' : '210mm'}; } }
  @media print { .sheet { border: 0; padding: 0; margin: 0; } main { max-width: none; } }
`;

const layout = (language: Language, title: string, body: Html, extraStyle = '') => phonePage(language, title, body, STYLE + extraStyle);

/** Where a page's links go; `lang` is carried so the client stays in the language they picked. */
export type PageContext = { base: string; language: Language };
const href = (ctx: PageContext, path = '', extra = '') => `${ctx.base}${path}?lang=${ctx.language}${extra}`;

const pageLanguageNav = (t: PhoneTranslate, language: Language, path: string) => languageNav(language, t('language'), (l) => `${path}?lang=${l}`);

const paragraphs = (text: string) =>
  text
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => html`<p>${p}</p>`);

function header(sheet: AftercareSheet, t: PhoneTranslate, language: Language) {
  const salon = sheet.salon.name;
  return html`<header>
    <div class="salon">${salon}</div>
    <h1>${t('greeting', { name: sheet.firstName, salon })}</h1>
    <p class="muted">${t('service', { service: sheet.serviceName[language] })}</p>
    <p class="muted">${t('visitDate', { date: formatDate(sheet.closedAt, language, sheet.timeZone) })}</p>
  </header>`;
}

/**
 * A product the salon lists: its name in the page's language (the other language when the salon left it empty), the
 * brand, and for a product to use at home its how-to-use text from the catalogue.
 */
function listedProduct(p: SheetProduct, t: PhoneTranslate, language: Language, withHowTo: boolean) {
  const other: Language = language === 'en' ? 'zh-CN' : 'en';
  const name = p.name[language] || p.name[other];
  const howTo = p.howToUse[language] || p.howToUse[other];
  return html`<li><strong>${name}</strong>${p.brand ? html` <span class="muted">· ${p.brand}</span>` : ''}${withHowTo && howTo
    ? html`<br />${t('howToUse')} ${howTo}`
    : ''}</li>`;
}

/** The aftercare itself: template, notes, products, what is normal and not, follow-up and contact (screen and print). */
function careSections(sheet: AftercareSheet, t: PhoneTranslate, language: Language) {
  const guide = sheet.guide;
  const date = (at: number) => formatDate(at, language, sheet.timeZone);
  const { contact } = sheet;
  return html`<section aria-labelledby="care"><h2 id="care">${t('care')}</h2>${paragraphs(sheet.aftercare[language])}</section>
    ${sheet.notes
      ? html`<section aria-labelledby="notes"><h2 id="notes">${t('notes')}</h2><div class="box">${paragraphs(sheet.notes)}</div></section>`
      : ''}
    ${sheet.listedUsed.length || sheet.productsUsed.length
      ? html`<section aria-labelledby="used"><h2 id="used">${t('productsUsed')}</h2>
          <ul>${sheet.listedUsed.map((p) => listedProduct(p, t, language, false))}${sheet.productsUsed.map((p) => html`<li>${p}</li>`)}</ul></section>`
      : ''}
    ${sheet.listedRecommended.length || sheet.homeProducts.length
      ? html`<section aria-labelledby="home"><h2 id="home">${t('homeProducts')}</h2>
          <ul>${sheet.listedRecommended.map((p) => listedProduct(p, t, language, true))}${sheet.homeProducts.map(
            (p) => html`<li><strong>${p.name}</strong>${p.howToUse ? html`<br />${t('howToUse')} ${p.howToUse}` : ''}</li>`,
          )}</ul></section>`
      : ''}
    ${guide?.normal[language].trim()
      ? html`<section aria-labelledby="normal"><h2 id="normal">${t('normal')}</h2>${paragraphs(guide.normal[language])}</section>`
      : ''}
    ${guide?.notNormal[language].trim()
      ? html`<section aria-labelledby="not-normal"><h2 id="not-normal">${t('notNormal')}</h2>
            <div class="box warn">${paragraphs(guide.notNormal[language])}</div></section>`
      : ''}
    ${guide?.whenToCall[language].trim()
      ? html`<section aria-labelledby="call"><h2 id="call">${t('whenToCall')}</h2>${paragraphs(guide.whenToCall[language])}</section>`
      : ''}
    ${sheet.followUp.checkIns.length || sheet.followUp.nextTreatmentAt
      ? html`<section aria-labelledby="follow"><h2 id="follow">${t('followUp')}</h2>
          <ul>
            ${sheet.followUp.checkIns.map((c) => html`<li>${t('followUpDay', { day: c.day, date: date(c.at) })}</li>`)}
            ${sheet.followUp.nextTreatmentAt ? html`<li>${t('nextTreatment', { date: date(sheet.followUp.nextTreatmentAt) })}</li>` : ''}
          </ul></section>`
      : ''}
    <section aria-labelledby="contact"><h2 id="contact">${t('contact')}</h2>
      <dl>
        ${contact.phone ? html`<dt>${t('contact.phone')}</dt><dd><a href="${telHref(contact.phone)}">${contact.phone}</a></dd>` : ''}
        ${contact.address[language] ? html`<dt>${t('contact.address')}</dt><dd>${contact.address[language]}</dd>` : ''}
        ${contact.hours[language] ? html`<dt>${t('contact.hours')}</dt><dd>${contact.hours[language]}</dd>` : ''}
        ${!contact.phone && !contact.address[language] ? html`<dt></dt><dd>${sheet.salon.name}</dd>` : ''}
      </dl>
    </section>`;
}

/**
 * The client's reports. After sending one the page opens at this list (`#problems-list`), so the thank-you is shown
 * here, in view, rather than at the top of the page the browser has scrolled past.
 */
function problemList(sheet: AftercareSheet, t: PhoneTranslate, language: Language, thanked: boolean) {
  if (!sheet.problems.length) return '';
  return html`<section aria-labelledby="problems" id="problems-list"><h2 id="problems">${t('problems')}</h2>
    ${thanked ? html`<p class="notice" role="status">${t('reported')}</p>` : ''}
    <ul>
      ${sheet.problems.map(
        (p) => html`<li data-status="${p.status}"><span class="status ${p.status}">${t(`status.${p.status}` as PhoneMessageKey)}</span>
          <span class="muted">${t('problem.reportedAt', { date: formatDate(p.createdAt, language, sheet.timeZone) })}</span></li>`,
      )}
    </ul></section>`;
}

function reportClosedText(sheet: AftercareSheet, t: PhoneTranslate, reportWindowDays: number) {
  return sheet.contact.phone
    ? t('reportClosed', { days: reportWindowDays, phone: sheet.contact.phone })
    : t('reportClosedNoPhone', { days: reportWindowDays });
}

export type SheetNotice = 'reported' | 'optedOut' | null;

/** What the client booked from this page, at the top where they look after booking, each leading to its own page. */
function bookingList(bookings: readonly BookingFromVisit[], t: PhoneTranslate, language: Language, timeZone: string) {
  if (!bookings.length) return '';
  return html`<section aria-labelledby="bookings" id="bookings-list" class="box"><h2 id="bookings">${t('bookings')}</h2>
    <ul>
      ${bookings.map(
        (b) => html`<li data-booking="${b.id}">
          <strong>${t('booking.when', { when: formatWhen(b.startsAt, language, timeZone), service: b.serviceName[language] })}</strong>
          ${b.staffName ? html`<span class="muted">${t('booking.with', { staff: b.staffName })}</span>` : ''}
          <a href="/b/${b.token}?lang=${language}">${t('booking.open')}</a></li>`,
      )}
    </ul></section>`;
}

export function aftercarePage(
  sheet: AftercareSheet,
  ctx: PageContext & { notice: SheetNotice; reportWindowDays: number; bookings?: readonly BookingFromVisit[] },
) {
  const { language } = ctx;
  const t = phoneTranslator(language);
  return layout(
    language,
    `${t('title')} · ${sheet.salon.name}`,
    html`${ctx.notice === 'optedOut' || (ctx.notice === 'reported' && !sheet.problems.length)
        ? html`<p class="notice" role="status">${t(ctx.notice)}</p>`
        : ''}
      ${header(sheet, t, language)}
      ${bookingList(ctx.bookings ?? [], t, language, sheet.timeZone)}
      ${careSections(sheet, t, language)}
      ${problemList(sheet, t, language, ctx.notice === 'reported')}
      <section aria-labelledby="actions" class="noprint"><h2 id="actions">${t('actions')}</h2>
        ${sheet.report.open ? '' : html`<p class="box warn" data-testid="report-closed">${reportClosedText(sheet, t, ctx.reportWindowDays)}</p>`}
        <div class="actions">
          <a class="primary" href="${href(ctx, '/book')}">${t('action.book')}</a>
          ${sheet.report.open ? html`<a href="${href(ctx, '/report')}">${t('action.report')}</a>` : ''}
          <a href="${href(ctx, '/print', '&size=A5')}">${t('action.print')}</a>
          ${sheet.marketingOptedOut ? html`<p class="muted">${t('optedOut')}</p>` : html`<a href="${href(ctx, '/opt-out')}">${t('action.optOut')}</a>`}
        </div>
      </section>
      ${pageLanguageNav(t, language, ctx.base)}`,
  );
}

export function printPage(
  sheet: AftercareSheet,
  ctx: PageContext & { size: PaperSize; qrSvg: string; expiresAt: number },
) {
  const { language, size } = ctx;
  const t = phoneTranslator(language);
  const sizes: PaperSize[] = ['A5', 'A4'];
  return layout(
    language,
    `${t('title')} · ${sheet.salon.name}`,
    html`<div class="noprint">
        <h1>${t('print.title')}</h1>
        <p class="help">${t('print.help')}</p>
        <nav class="sizes" aria-label="${t('print.size')}">
          ${sizes.map(
            (s) => html`<a href="${href(ctx, '/print', `&size=${s}`)}" ${s === size ? raw('aria-current="true"') : ''}>${s}</a>`,
          )}
        </nav>
        <p><a href="${href(ctx)}">${t('back')}</a></p>
      </div>
      <article class="sheet" data-size="${size}">
        <div class="top">
          <div>${header(sheet, t, language)}</div>
          <div>
            <div class="qr" role="img" aria-label="${t('print.scan')}">${raw(ctx.qrSvg)}</div>
            <p class="scan">${t('print.scan')}</p>
          </div>
        </div>
        <div class="cols">${careSections(sheet, t, language)}</div>
        <p class="muted">${t('print.validUntil', { date: formatDate(ctx.expiresAt, language, sheet.timeZone) })}</p>
      </article>`,
    printStyle(size),
  );
}

/** What the client typed, kept when the form comes back with a message (never the photo). */
export type ReportValues = { kind?: string; since?: string; description?: string; contact?: string };

export function reportPage(
  sheet: AftercareSheet,
  ctx: PageContext & { commandId: string; error: string | null; values: ReportValues; reportWindowDays: number; limitReached: boolean },
) {
  const { language } = ctx;
  const t = phoneTranslator(language);
  const v = ctx.values;
  const radios = (name: string, options: readonly string[], prefix: string, chosen: string | undefined) =>
    options.map(
      (o) => html`<label><input type="radio" name="${name}" value="${o}" required ${o === chosen ? raw('checked') : ''} />
        ${t(`${prefix}.${o}` as PhoneMessageKey)}</label>`,
    );
  const body = !sheet.report.open
    ? html`<p class="box warn" data-testid="report-closed">${reportClosedText(sheet, t, ctx.reportWindowDays)}</p>`
    : ctx.limitReached
      ? html`<p class="box warn">${sheet.contact.phone ? t('report.limit', { phone: sheet.contact.phone }) : t('error.too_many_reports')}</p>`
      : html`<p>${t('report.intro')}</p>
          <p class="box warn">${t('report.safety')}</p>
          <form method="post" action="${href(ctx, '/report')}" enctype="multipart/form-data">
            <input type="hidden" name="commandId" value="${ctx.commandId}" />
            <fieldset><legend>${t('report.kind')}</legend>${radios('kind', PROBLEM_KINDS, 'report.kind', v.kind)}</fieldset>
            <fieldset><legend>${t('report.since')}</legend>${radios('since', PROBLEM_SINCE, 'report.since', v.since)}</fieldset>
            <label for="description">${t('report.description')}</label>
            <textarea id="description" name="description" maxlength="2000" required>${v.description ?? ''}</textarea>
            <label for="photo">${t('report.photo')}</label>
            <!-- No HEIC in the list: iPhones then hand over a JPEG, which the hub can always read. -->
            <input id="photo" type="file" name="photo" accept="image/jpeg,image/png,image/webp" />
            <p class="help">${t('report.photoHelp')}</p>
            <fieldset><legend>${t('report.contact')}</legend>${radios('contact', CONTACT_PREFERENCES, 'report.contact', v.contact)}</fieldset>
            <button class="primary" type="submit">${t('report.send')}</button>
          </form>`;
  return layout(
    language,
    `${t('report.title')} · ${sheet.salon.name}`,
    html`<header><div class="salon">${sheet.salon.name}</div><h1>${t('report.title')}</h1>
        <p class="muted">${t('service', { service: sheet.serviceName[language] })}</p></header>
      ${ctx.error ? html`<div class="error" role="alert"><strong>${t('error.title')}</strong><p>${ctx.error}</p></div>` : ''}
      ${problemList(sheet, t, language, false)}
      ${body}
      <p><a href="${href(ctx)}">${t('back')}</a></p>
      ${pageLanguageNav(t, language, `${ctx.base}/report`)}`,
  );
}

export function optOutPage(
  sheet: AftercareSheet,
  ctx: PageContext & { commandId: string; doneAt: number | null; error: string | null },
) {
  const { language } = ctx;
  const t = phoneTranslator(language);
  return layout(
    language,
    `${t('optOut.title')} · ${sheet.salon.name}`,
    html`<header><div class="salon">${sheet.salon.name}</div><h1>${t('optOut.title')}</h1></header>
      ${ctx.error ? html`<div class="error" role="alert"><strong>${t('error.title')}</strong><p>${ctx.error}</p></div>` : ''}
      ${ctx.doneAt !== null
        ? html`<p class="notice" role="status">${t('optOut.done', { salon: sheet.salon.name, date: formatDate(ctx.doneAt, language, sheet.timeZone) })}</p>`
        : html`<p>${t('optOut.body')}</p>
            <form method="post" action="${href(ctx, '/opt-out')}">
              <input type="hidden" name="commandId" value="${ctx.commandId}" />
              <button class="primary" type="submit">${t('optOut.confirm')}</button>
            </form>`}
      <p><a href="${href(ctx)}">${t('back')}</a></p>
      ${pageLanguageNav(t, language, `${ctx.base}/opt-out`)}`,
  );
}

/** A refusal that is not about the form's content (wrong origin, hub unavailable). */
export function messagePage(language: Language, message: string) {
  const t = phoneTranslator(language);
  return layout(language, t('error.title'), html`<h1>${t('error.title')}</h1><div class="error" role="alert"><p>${message}</p></div>`);
}

/** Unknown, malformed, expired and revoked links all get exactly this page. */
export function linkNotFoundPage(language: Language) {
  const t = phoneTranslator(language);
  return layout(language, t('notFound.title'), html`<h1>${t('notFound.title')}</h1><p>${t('notFound.body')}</p>`);
}
