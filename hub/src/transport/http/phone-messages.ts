import { createMessageFormatter, type Language, type MessageParams } from '@glow/shared';
import { phoneEn, type PhoneMessageKey } from './phone-messages.en.ts';
import { phoneZhCN } from './phone-messages.zh-CN.ts';

/**
 * The one catalogue and translator of the client's phone pages (aftercare, report, opt-out, rebooking, booking
 * links). The pages are rendered on the hub, so their words live beside them, not in the apps' shared catalogue;
 * they format with the same ICU formatter. A unit test checks both languages have every key and placeholder.
 */
export type { PhoneMessageKey } from './phone-messages.en.ts';
export type PhoneTranslate = (key: PhoneMessageKey, params?: MessageParams) => string;

export const PHONE_MESSAGES: Record<Language, Readonly<Record<PhoneMessageKey, string>>> = { en: phoneEn, 'zh-CN': phoneZhCN };

/** A translator for one language; the pages escape what it returns. */
export const phoneTranslator = (language: Language): PhoneTranslate => createMessageFormatter(language, PHONE_MESSAGES[language]);
