import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '../schemas/common.schema.ts';
import { en, type MessageKey } from './en.ts';
import { zhCN } from './zh-CN.ts';

export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const cache = new Map<string, IntlMessageFormat>();

/** A translator for one language. Formatted messages are cached per language and key. */
export function createTranslator(language: Language): Translate {
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

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);
