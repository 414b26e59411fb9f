import { createTranslator, type Language, type Translate } from '@glow/shared';
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
