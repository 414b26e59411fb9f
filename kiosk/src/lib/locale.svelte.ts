import type { Language } from '@glow/shared';
import { getContext, setContext } from 'svelte';
import { createKioskTranslator, type KioskTranslate } from './i18n/translate.ts';

/** The language the screen speaks right now; every visible string goes through `t`. */
export class Locale {
  language = $state<Language>('en');
  readonly t: KioskTranslate = $derived(createKioskTranslator(this.language));

  set(language: Language): void {
    this.language = language;
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
