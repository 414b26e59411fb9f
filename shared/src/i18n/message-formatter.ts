import { IntlMessageFormat } from 'intl-messageformat';

export type MessageParams = Record<string, string | number>;

/** Formatted messages, per catalogue (two catalogues may share a key) and per locale and key. */
const formats = new WeakMap<object, Map<string, IntlMessageFormat>>();

/**
 * A translator over one message catalogue in one locale (ICU MessageFormat). Each message is parsed once and cached.
 * Kept apart from the catalogues and zod, so an app with its own catalogue (the kiosk) formats the same way without
 * loading anything else of the shared package.
 */
export function createMessageFormatter<K extends string>(
  locale: string,
  catalogue: Readonly<Record<K, string>>,
): (key: K, params?: MessageParams) => string {
  let cache = formats.get(catalogue);
  if (!cache) formats.set(catalogue, (cache = new Map()));
  const own = cache;
  return (key, params) => {
    const id = `${locale}\u0000${key}`;
    let format = own.get(id);
    if (!format) {
      format = new IntlMessageFormat(catalogue[key], locale);
      own.set(id, format);
    }
    return String(format.format(params));
  };
}
