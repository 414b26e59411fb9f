import { salonFormat, type Language, type SalonFormat, type SalonFormatSettings } from '@glow/shared';
import { getContext, setContext } from 'svelte';
import { en } from './i18n/en.ts';
import { createKioskTranslator, loadCatalogue, type KioskCatalogue, type KioskTranslate } from './i18n/translate.ts';

/** The language the screen speaks right now; every visible string goes through `t`. */
export class Locale {
  language = $state<Language>('en');
  private catalogues = $state.raw<Partial<Record<Language, KioskCatalogue>>>({ en });
  readonly t: KioskTranslate = $derived(createKioskTranslator(this.language, this.catalogues[this.language]));
  /**
   * The language the words on screen are really in: English until the chosen language's catalogue has arrived. The
   * page's `lang` follows it, so a screen reader never reads English words with a Chinese voice.
   */
  readonly shown: Language = $derived(this.catalogues[this.language] ? this.language : 'en');
  /**
   * The salon's time zone, English locale and currency, from the hub's snapshot (useSalon): the lobby shows the
   * salon's clock, never the kiosk device's own zone. UTC only until the first snapshot, before any screen with a time.
   */
  private salon = $state.raw<SalonFormatSettings>({ timeZone: 'UTC' });
  /** Dates, times and money in the language on screen, the salon's way (shared salonFormat). */
  readonly format: SalonFormat = $derived(salonFormat(this.shown, this.salon));

  useSalon({ timeZone, locale, currency }: SalonFormatSettings): void {
    const now = this.salon;
    if (now.timeZone === timeZone && now.locale === locale && now.currency === currency) return;
    this.salon = { timeZone, locale, currency };
  }

  set(language: Language): void {
    this.language = language;
    void this.load(language);
  }

  /** Fetches a language's catalogue ahead of need (a failed fetch is tried again on the next `set`). */
  async load(language: Language): Promise<void> {
    if (this.catalogues[language]) return;
    try {
      const catalogue = await loadCatalogue(language);
      this.catalogues = { ...this.catalogues, [language]: catalogue };
    } catch {
      // the hub was out of reach: English stays on screen until the next try
    }
  }
}

const KEY = Symbol('locale');

export function provideLocale(locale: Locale): Locale {
  return setContext(KEY, locale);
}

export function useLocale(): Locale {
  const locale = getContext<Locale | undefined>(KEY);
  if (!locale) throw new Error('useLocale() needs provideLocale() in a parent component');
  return locale;
}
