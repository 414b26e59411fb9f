import { createTranslator, salonFormat, type Language, type SalonFormat, type SalonFormatSettings, type Translate } from '@glow/shared';
import { loadLanguage, saveLanguage } from './storage.ts';

function guess(): Language {
  const nav = typeof navigator === 'undefined' ? '' : navigator.language;
  return nav.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The tablet's language: the one a person picked (kept), else the salon's default, else the browser's. */
class Locale {
  language = $state<Language>(loadLanguage() ?? guess());
  /** True once someone tapped a language on this tablet; the salon default no longer overrides it. */
  private chosen = loadLanguage() !== null;
  t: Translate = $derived(createTranslator(this.language));
  /**
   * The salon's time zone, English locale and currency, from the hub (useSalon): every date, time and price on the
   * tablet is written with them, never with the tablet's own zone. UTC only until the first snapshot, which comes
   * before any screen with a time.
   */
  private salon = $state.raw<SalonFormatSettings>({ timeZone: 'UTC' });
  /** Dates, times and money in the tablet's language, the salon's way (shared salonFormat). */
  format: SalonFormat = $derived(salonFormat(this.language, this.salon));

  /** The same in another language: a reminder script in the client's. */
  formatIn(language: Language): SalonFormat {
    return salonFormat(language, this.salon);
  }

  /** The salon's settings as the hub last sent them. */
  useSalon({ timeZone, locale, currency }: SalonFormatSettings): void {
    const now = this.salon;
    if (now.timeZone === timeZone && now.locale === locale && now.currency === currency) return;
    this.salon = { timeZone, locale, currency };
  }

  choose(language: Language): void {
    this.chosen = true;
    saveLanguage(language);
    this.apply(language);
  }

  /** The salon's default, used until someone picks a language on this tablet. True when the language changed. */
  useSalonDefault(language: Language): boolean {
    if (this.chosen || this.language === language) return false;
    this.apply(language);
    return true;
  }

  private apply(language: Language): void {
    this.language = language;
    if (typeof document !== 'undefined') document.documentElement.lang = language;
  }
}

export const locale = new Locale();
