import type { Language } from '@glow/shared';

/** The language to answer a person in, from their browser's Accept-Language (or a ?lang= override). */
export function languageFrom(acceptLanguage: string | undefined, override?: string | null): Language {
  if (override === 'en' || override === 'zh-CN') return override;
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}
