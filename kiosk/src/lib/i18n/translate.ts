import { createMessageFormatter, type Language, type MessageParams } from '@glow/shared';
import { en, type KioskMessageKey } from './en.ts';

export type { KioskMessageKey } from './en.ts';
export type { MessageParams } from '@glow/shared';
export type KioskTranslate = (key: KioskMessageKey, params?: MessageParams) => string;
export type KioskCatalogue = Record<KioskMessageKey, string>;

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
  return createMessageFormatter(catalogue === en ? 'en' : language, catalogue);
}

export const isKioskMessageKey = (key: string): key is KioskMessageKey => Object.hasOwn(en, key);
