import type { Language } from '@glow/shared';
import { IntlMessageFormat } from 'intl-messageformat';
import { en, type KioskMessageKey } from './en.ts';

export type { KioskMessageKey } from './en.ts';
export type MessageParams = Record<string, string | number>;
export type KioskTranslate = (key: KioskMessageKey, params?: MessageParams) => string;
export type KioskCatalogue = Record<KioskMessageKey, string>;

const cache = new Map<string, IntlMessageFormat>();

/**
 * The catalogue of a language. English is part of the first load; Chinese is a chunk of its own, fetched when the
 * screen first speaks it (the salon's default, a tap on 中文, a returning client's language) or soon after start-up
 * (DESIGN §7 budget: the first load carries one language).
 */
export function loadCatalogue(language: Language): Promise<KioskCatalogue> {
  if (language === 'en') return Promise.resolve(en);
  return import('./zh-CN.ts').then((m) => m.zhCN);
}

/**
 * A translator for one language over the kiosk's own catalogue; formatted messages are cached per language and key.
 * Until a language's catalogue has arrived, its messages are English (`catalogue` defaults to it).
 */
export function createKioskTranslator(language: Language, catalogue: KioskCatalogue = en): KioskTranslate {
  const formatLanguage = catalogue === en ? 'en' : language;
  return (key, params) => {
    const id = `${formatLanguage}\u0000${key}`;
    let format = cache.get(id);
    if (!format) {
      format = new IntlMessageFormat(catalogue[key], formatLanguage);
      cache.set(id, format);
    }
    return String(format.format(params));
  };
}

export const isKioskMessageKey = (key: string): key is KioskMessageKey => Object.hasOwn(en, key);
