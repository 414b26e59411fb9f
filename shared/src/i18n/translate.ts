import type { Language } from '../schemas/common.schema.ts';
import { en, type MessageKey } from './en.ts';
import { createMessageFormatter, type MessageParams } from './message-formatter.ts';
import { zhCN } from './zh-CN.ts';

export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export type { MessageParams } from './message-formatter.ts';
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A translator for one language. Formatted messages are cached per language and key. */
export const createTranslator = (language: Language): Translate => createMessageFormatter(language, CATALOGUES[language]);

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);
