import type { Language } from '@glow/shared';
import { IntlMessageFormat } from 'intl-messageformat';
import { en, type KioskMessageKey } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type { KioskMessageKey } from './en.ts';
export type MessageParams = Record<string, string | number>;
export type KioskTranslate = (key: KioskMessageKey, params?: MessageParams) => string;

const CATALOGUES: Record<Language, Record<KioskMessageKey, string>> = { en, 'zh-CN': zhCN };
const cache = new Map<string, IntlMessageFormat>();

/** A translator for one language over the kiosk's own catalogue; formatted messages are cached per language and key. */
export function createKioskTranslator(language: Language): KioskTranslate {
  const catalogue = CATALOGUES[language];
  return (key, params) => {
    const id = `${language}\u0000${key}`;
    let format = cache.get(id);
    if (!format) {
      format = new IntlMessageFormat(catalogue[key], language);
      cache.set(id, format);
    }
    return String(format.format(params));
  };
}

export const isKioskMessageKey = (key: string): key is KioskMessageKey => Object.hasOwn(en, key);
