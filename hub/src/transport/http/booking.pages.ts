import type { Language, LocalizedText } from '@glow/shared';
import { html, raw } from 'hono/html';
import { bookingPage, formCommandId, messageBox } from './booking.layout.ts';
import { telHref } from './phone-page.ts';
import { phoneTranslator } from './phone-messages.ts';
import { formatDay, formatTime, formatWhen } from './phone-dates.ts';
import { ANYONE } from './booking-forms.ts';

/** What every booking page knows: where it is, in which language, and how to link to itself in the other one. */
export type PageContext = { language: Language; salon: string; timeZone: string; langLink: (l: Language) => string };

export type DayOption = { day: string; closed: boolean; recommended: boolean };
export type SlotPicker = {
  days: DayOption[];
  day: string;
  /** Start times of the free slots that day. */
  slots: number[];
  holdMinutes: number;
  /** Where a slot's form posts, its hidden fields, and the query a day link keeps. */
  action: string;
  hidden: Record<string, string>;
  dayLink: (day: string) => string;
};

function dayLabel(d: DayOption, language: Language): string {
  const t = phoneTranslator(language);
  const day = formatDay(d.day, language);
  if (d.closed) return t('phone.book.closed', { day });
  return d.recommended ? t('phone.book.recommended', { day }) : day;
}

/** The day's free times, each a one-button form (no script: the button posts the slot). */
function slotList(ctx: PageContext, p: SlotPicker, pickKey: 'phone.book.pick' | 'phone.move.pick') {
  const t = phoneTranslator(ctx.language);
  const index = p.days.findIndex((d) => d.day === p.day);
  const prev = index > 0 ? p.days[index - 1] : undefined;
  const next = index >= 0 && index < p.days.length - 1 ? p.days[index + 1] : undefined;
  return html`<section aria-labelledby="times">
    <h2 id="times">${t('phone.book.times', { day: formatDay(p.day, ctx.language) })}</h2>
    ${p.slots.length
      ? html`<p class="muted">${pickKey === 'phone.book.pick' ? t(pickKey, { n: p.holdMinutes }) : t(pickKey)}</p>
          <div class="slots">
            ${p.slots.map(
              (at) => html`<form method="post" action="${p.action}">
                ${Object.entries(p.hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`)}
                <input type="hidden" name="commandId" value="${formCommandId()}" />
                <input type="hidden" name="startsAt" value="${String(at)}" />
                <button type="submit" data-slot="${String(at)}">${formatTime(at, ctx.language, ctx.timeZone)}</button>
              </form>`,
            )}
          </div>`
      : html`<p class="alert" role="status">${t('phone.book.noTimes')}</p>`}
    <div class="daynav">
      ${prev ? html`<a class="button secondary" href="${p.dayLink(prev.day)}">← ${t('phone.book.prevDay')}</a>` : html`<span></span>`}
      ${next ? html`<a class="button secondary" href="${p.dayLink(next.day)}">${t('phone.book.nextDay')} →</a>` : ''}
    </div>
  </section>`;
}

export type RebookView = {
  firstName: string;
  services: Array<{ id: string; name: LocalizedText; durationMin: number }>;
  serviceId: string;
  staff: Array<{ id: string; name: string }>;
  staffId: string | null;
  picker: SlotPicker;
  aftercareLink: string;
  error?: string | null;
};

/** `/a/<token>/book`: pick the treatment, a beautician or anyone, a day, then a time. */
export function rebookPage(ctx: PageContext, v: RebookView) {
  const t = phoneTranslator(ctx.language);
  const lang = ctx.language;
  return bookingPage(
    ctx,
    t('phone.book.title'),
    html`${messageBox('alert', v.error)}
      <form method="get" action="">
        <input type="hidden" name="lang" value="${lang}" />
        <label for="service">${t('phone.book.service')}</label>
        <select id="service" name="service">
          ${v.services.map(
            (s) =>
              html`<option value="${s.id}" ${s.id === v.serviceId ? raw('selected') : ''}>${s.name[lang]} · ${t('phone.book.minutes', { n: s.durationMin })}</option>`,
          )}
        </select>
        <label for="staff">${t('phone.book.staff')}</label>
        <select id="staff" name="staff">
          <option value="${ANYONE}">${t('phone.book.anyone')}</option>
          ${v.staff.map((s) => html`<option value="${s.id}" ${s.id === v.staffId ? raw('selected') : ''}>${s.name}</option>`)}
        </select>
        <label for="day">${t('phone.book.day')}</label>
        <select id="day" name="day">
          ${v.picker.days.map(
            (d) => html`<option value="${d.day}" ${d.day === v.picker.day ? raw('selected') : ''}>${dayLabel(d, lang)}</option>`,
          )}
        </select>
        <button class="wide" type="submit">${t('phone.book.show')}</button>
      </form>
      ${slotList(ctx, v.picker, 'phone.book.pick')}
      <p><a href="${v.aftercareLink}">← ${t('phone.book.backToAftercare')}</a></p>`,
    t('phone.book.greeting', { name: v.firstName }),
  );
}

export type BookingSummary = {
  serviceName: LocalizedText;
  startsAt: number;
  staffName: string | null;
  state: 'held' | 'booked' | 'checked_in' | 'cancelled' | 'no_show';
};

function summary(ctx: PageContext, s: BookingSummary, withState: boolean) {
  const t = phoneTranslator(ctx.language);
  return html`<dl>
    <dt>${t('phone.summary.service')}</dt><dd>${s.serviceName[ctx.language]}</dd>
    <dt>${t('phone.summary.when')}</dt><dd>${formatWhen(s.startsAt, ctx.language, ctx.timeZone)}</dd>
    <dt>${t('phone.summary.with')}</dt><dd>${s.staffName ?? t('phone.book.anyone')}</dd>
    ${withState ? html`<dt>${t('phone.summary.status')}</dt><dd>${t(`phone.booking.state.${s.state}`)}</dd>` : ''}
  </dl>`;
}

/** The held slot: confirm within the hold, or go back and pick another. */
export function holdPage(
  ctx: PageContext,
  v: { booking: BookingSummary; holdExpiresAt: number; confirmAction: string; backLink: string; error?: string | null },
) {
  const t = phoneTranslator(ctx.language);
  return bookingPage(
    ctx,
    t('phone.hold.title'),
    html`${messageBox('alert', v.error)}
      ${summary(ctx, v.booking, false)}
      ${v.error ? '' : html`<p class="muted">${t('phone.hold.heldUntil', { time: formatTime(v.holdExpiresAt, ctx.language, ctx.timeZone) })}</p>`}
      <div class="actions">
        ${v.error
          ? ''
          : html`<form method="post" action="${v.confirmAction}">
              <input type="hidden" name="commandId" value="${formCommandId()}" />
              <input type="hidden" name="lang" value="${ctx.language}" />
              <button class="wide" type="submit">${t('phone.hold.confirm')}</button>
            </form>`}
        <a class="button secondary" href="${v.backLink}">${t('phone.hold.other')}</a>
      </div>`,
  );
}

export type ManageView = {
  firstName: string;
  booking: BookingSummary;
  /** The QR for the kiosk (an SVG made by the hub), when the booking can still be checked in. */
  qrSvg: string | null;
  changeUntil: number | null;
  cutoffHours: number;
  salonPhone: string;
  moveLink: string;
  cancelLink: string;
  notice?: string | null;
  error?: string | null;
};

/** `/b/<token>`: the booking, its check-in QR, and moving or cancelling it until the cutoff. */
export function managePage(ctx: PageContext, v: ManageView) {
  const t = phoneTranslator(ctx.language);
  const canChange = v.changeUntil !== null;
  return bookingPage(
    ctx,
    t('phone.booking.title'),
    html`${messageBox('notice', v.notice)} ${messageBox('alert', v.error)}
      ${summary(ctx, v.booking, true)}
      ${v.qrSvg
        ? html`<figure class="qr" aria-label="${t('phone.booking.qrLabel')}">
            ${raw(v.qrSvg)}
            <figcaption class="muted">${t('phone.booking.qr')}</figcaption>
          </figure>`
        : ''}
      ${v.booking.state !== 'booked'
        ? ''
        : canChange
          ? html`<p class="muted">${t('phone.booking.changeUntil', { time: formatWhen(v.changeUntil!, ctx.language, ctx.timeZone) })}</p>
              <div class="actions">
                <a class="button" href="${v.moveLink}">${t('phone.booking.move')}</a>
                <a class="button secondary" href="${v.cancelLink}">${t('phone.booking.cancel')}</a>
              </div>`
          : html`<p class="alert" role="status">${t('phone.booking.cutoffPassed', { hours: v.cutoffHours })}</p>
              ${v.salonPhone ? html`<p><a href="${telHref(v.salonPhone)}">${t('phone.booking.callOn', { phone: v.salonPhone })}</a></p>` : ''}`}`,
    t('phone.booking.greeting', { name: v.firstName, salon: ctx.salon }),
  );
}

/** `/b/<token>/cancel`: are you sure? (a form, so a link preview can never cancel anything). */
export function cancelPage(ctx: PageContext, v: { booking: BookingSummary; action: string; backLink: string; error?: string | null }) {
  const t = phoneTranslator(ctx.language);
  return bookingPage(
    ctx,
    t('phone.cancel.title'),
    html`${messageBox('alert', v.error)}
      ${summary(ctx, v.booking, false)}
      <div class="actions">
        <form method="post" action="${v.action}">
          <input type="hidden" name="commandId" value="${formCommandId()}" />
          <input type="hidden" name="lang" value="${ctx.language}" />
          <button class="wide danger" type="submit">${t('phone.cancel.yes')}</button>
        </form>
        <a class="button secondary" href="${v.backLink}">${t('phone.cancel.no')}</a>
      </div>`,
  );
}

/** `/b/<token>/move`: the same slot picker, for the booking's treatment and beautician. */
export function movePage(ctx: PageContext, v: { booking: BookingSummary; picker: SlotPicker; backLink: string; error?: string | null }) {
  const t = phoneTranslator(ctx.language);
  return bookingPage(
    ctx,
    t('phone.move.title'),
    html`${messageBox('alert', v.error)}
      ${summary(ctx, v.booking, false)}
      <form method="get" action="">
        <input type="hidden" name="lang" value="${ctx.language}" />
        <label for="day">${t('phone.book.day')}</label>
        <select id="day" name="day">
          ${v.picker.days.map(
            (d) => html`<option value="${d.day}" ${d.day === v.picker.day ? raw('selected') : ''}>${dayLabel(d, ctx.language)}</option>`,
          )}
        </select>
        <button class="wide" type="submit">${t('phone.book.show')}</button>
      </form>
      ${slotList(ctx, v.picker, 'phone.move.pick')}
      <p><a href="${v.backLink}">← ${t('phone.booking.back')}</a></p>`,
  );
}
