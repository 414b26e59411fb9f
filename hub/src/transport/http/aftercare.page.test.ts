import { describe, expect, it } from 'vitest';
import { DEFAULT_AFTERCARE_SETTINGS } from '@glow/shared';
import type { AftercareSheet } from '../../services/aftercare.service.ts';
import { aftercarePage, linkNotFoundPage, printPage } from './aftercare.page.ts';

const sheet: AftercareSheet = {
  salon: { name: 'Glow <b>Salon</b>', defaultLanguage: 'en', languages: ['en', 'zh-CN'], locale: 'en-GB', currency: 'CNY', closedDates: [], setUp: true },
  contact: { ...DEFAULT_AFTERCARE_SETTINGS.contact, phone: '+44 20 1234 5678', hours: { en: 'Every day 09:00–20:00', 'zh-CN': '每天 09:00–20:00' } },
  firstName: '<img src=x onerror=alert(1)>',
  serviceName: { en: 'Facial', 'zh-CN': '面部护理' },
  aftercare: { en: 'Rest.\nDrink water.', 'zh-CN': '休息。' },
  guide: null,
  notes: '</p><script>alert(1)</script>',
  listedUsed: [{ name: { en: 'Rice Enzyme Mask', 'zh-CN': '米酵素面膜' }, brand: 'Camellia & Co', howToUse: { en: 'Salon only.', 'zh-CN': '仅限店内。' } }],
  productsUsed: ['"quoted" & <tag>'],
  listedRecommended: [
    { name: { en: 'Rose Barrier Cream', 'zh-CN': '玫瑰屏障霜' }, brand: 'Glow Lab', howToUse: { en: 'Morning and evening.', 'zh-CN': '早晚各一次。' } },
  ],
  homeProducts: [{ name: 'Cream', howToUse: '<a href="javascript:x">tap</a>' }],
  closedAt: Date.UTC(2026, 5, 10, 9),
  followUp: { checkIns: [{ day: 1, at: Date.UTC(2026, 5, 11, 9) }], nextTreatmentAt: null },
  timeZone: 'UTC',
  language: 'en',
  report: { open: true, until: Date.UTC(2026, 5, 17, 9) },
  problems: [],
  marketingOptedOut: false,
};

const render = async (page: unknown) => String(await page);

describe('the aftercare page markup', () => {
  it('shows a listed product by its name in the page’s language, its brand, and how to use one recommended for home', async () => {
    const zh = await render(aftercarePage(sheet, { base: '/a/tok', language: 'zh-CN', notice: null, reportWindowDays: 7 }));
    expect(zh).toContain('米酵素面膜');
    expect(zh).toContain('玫瑰屏障霜');
    expect(zh).toContain('早晚各一次。');
    expect(zh).toContain('Glow Lab');
    expect(zh).not.toContain('Rose Barrier Cream');
    // Products used in the salon carry no how-to for the client.
    expect(zh).not.toContain('仅限店内。');
    const en = await render(aftercarePage(sheet, { base: '/a/tok', language: 'en', notice: null, reportWindowDays: 7 }));
    expect(en).toContain('Rose Barrier Cream');
    expect(en).toContain('Morning and evening.');
    expect(en).toContain('Camellia &amp; Co');
  });

  it('escapes everything people typed (the beautician’s notes, product names, the client’s name)', async () => {
    const out = await render(aftercarePage(sheet, { base: '/a/tok', language: 'en', notice: null, reportWindowDays: 7 }));
    expect(out).not.toContain('<script>alert');
    expect(out).not.toContain('<img src=x');
    expect(out).not.toContain('<a href="javascript');
    expect(out).toContain('&lt;/p&gt;&lt;script&gt;');
    expect(out).toContain('&quot;quoted&quot; &amp; &lt;tag&gt;');
    expect(out).not.toMatch(/<script/i);
  });

  it('hides the report link once the window has closed and says to call the salon', async () => {
    const closed = await render(
      aftercarePage({ ...sheet, report: { open: false, until: 0 } }, { base: '/a/tok', language: 'en', notice: null, reportWindowDays: 7 }),
    );
    expect(closed).not.toContain('href="/a/tok/report');
    expect(closed).toContain('please call the salon on +44 20 1234 5678');
    expect(closed).toContain('href="/a/tok/book?lang=en"');
  });

  it('sets the paper size of the print view and embeds the QR as given', async () => {
    const out = await render(printPage(sheet, { base: '/a/tok', language: 'en', size: 'A4', qrSvg: '<svg viewBox="0 0 1 1"></svg>', expiresAt: 0 }));
    expect(out).toContain('@page { size: A4;');
    expect(out).toContain('<svg viewBox="0 0 1 1"></svg>');
  });

  it('says the same thing for every link that does not work', async () => {
    expect(await render(linkNotFoundPage('en'))).toBe(await render(linkNotFoundPage('en')));
    expect(await render(linkNotFoundPage('zh-CN'))).toContain('此链接无效或已过期');
  });

  it('shows the thank-you for a report inside the list the page opens at (#problems-list), not scrolled out of view', async () => {
    const reported = { ...sheet, problems: [{ id: 'c1', status: 'received' as const, createdAt: Date.UTC(2026, 5, 11, 9) }] };
    for (const language of ['en', 'zh-CN'] as const) {
      const out = await render(aftercarePage(reported, { base: '/a/tok', language, notice: 'reported', reportWindowDays: 7 }));
      const list = out.slice(out.indexOf('id="problems-list"'));
      expect(list).toContain(language === 'en' ? 'Thank you. The salon has your report' : '门店已收到您的反馈');
      expect(out.match(/role="status"/g)).toHaveLength(1);
    }
  });
});
