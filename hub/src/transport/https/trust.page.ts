import { createTranslator, salonFormat, type Language } from '@glow/shared';
import { html, raw } from 'hono/html';
import { languageNav, phonePage } from '../http/phone-page.ts';

/** What the trust page shows: where to download, what to check, where to go next, and the QR that opens it. */
export type TrustPageView = {
  language: Language;
  /** The hub's own CA; null when the salon supplied its certificate (nothing to download then). */
  caAvailable: boolean;
  fingerprint: string;
  /** When the hub's own CA was made (null for the salon's certificate): tablets list their certificates by date. */
  caMadeAt: number | null;
  /** The address of the app over HTTPS, once the tablet trusts the hub. */
  appUrl: string;
  /** The QR code (SVG) that opens this page on a tablet. */
  qrSvg: string;
};

const STYLE = `
  .qr svg { width: 12rem; height: 12rem; display: block; }
  .fp { font-family: ui-monospace, monospace; word-break: break-all; background: #fff; border: 1px solid var(--line);
        padding: .5rem; border-radius: .4rem; }
  .download { display: inline-flex; align-items: center; min-height: 48px; padding: .6rem 1.1rem; border-radius: .6rem;
              background: var(--accent); color: #fff; font-weight: 700; text-decoration: none; }
  section { margin-top: 1.25rem; }
  h2 { font-size: 1.125rem; margin: 0 0 .25rem; }
`;

/**
 * The one page the hub serves over plain HTTP (#14): a new tablet downloads the hub's CA certificate here, checks its
 * fingerprint, and follows the steps for its system; a QR code opens the page on the tablet itself. No script.
 */
export function trustPage(v: TrustPageView) {
  const t = createTranslator(v.language);
  const steps = (os: 'ipad' | 'android' | 'windows') =>
    html`<section><h2>${t(`trust.${os}.title`)}</h2><p>${t(`trust.${os}.steps`)}</p></section>`;
  const body = html`<header><div class="salon">Glow</div><h1>${t('trust.title')}</h1></header>
    ${v.caAvailable
      ? html`<p>${t('trust.intro')}</p>
          <p><a class="download" href="/trust/glow-hub-ca.crt" download="glow-hub-ca.crt">${t('trust.download')}</a></p>`
      : html`<p>${t('trust.salonCertificate')}</p>`}
    <p>${t('trust.fingerprint')}</p>
    <p class="fp">${v.fingerprint}</p>
    <figure class="qr">${raw(v.qrSvg)}<figcaption>${t('trust.scan')}</figcaption></figure>
    ${v.caAvailable ? html`${steps('ipad')}${steps('android')}${steps('windows')}` : ''}
    <section><h2>${t('trust.open')}</h2><p><a href="${v.appUrl}">${v.appUrl}</a></p></section>
    <section>
      ${v.caMadeAt !== null ? html`<p data-testid="trust-made-on">${t('trust.madeOn', { date: salonFormat(v.language, { timeZone: 'UTC' }).longDate(v.caMadeAt) })}</p>` : ''}
      <p>${t('trust.moved')}</p>
    </section>
    ${languageNav(v.language, t('lang.en') + ' / ' + t('lang.zh-CN'), (l) => `/trust?lang=${l}`)}`;
  return phonePage(v.language, t('trust.title'), body, STYLE);
}
