import { selectPluralForms } from './plural-forms';

/**
 * Message tables: every user-facing text of the core and the hosts lives in `shared/i18n` or in an
 * area's `messages.ts`, as an `{ en, ru }` pair. Templates use `{name}` placeholders; a text that
 * depends on a count gives its forms as `{count, plural, one {# row} other {# rows}}` (CLDR
 * categories: en one/other, ru one/few/many/other; see `plural-forms.ts`).
 */
export type Locale = 'en' | 'ru';

export const LOCALES: readonly Locale[] = ['en', 'ru'];

export interface LocalizedText {
  readonly en: string;
  readonly ru: string;
}

export type MessageTable = Readonly<Record<string, LocalizedText>>;

export type MessageParams = Readonly<Record<string, string | number>>;

/** Replaces `{name}` placeholders; an unknown placeholder is left visible rather than dropped. */
export function formatTemplate(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * The text of `id` in `locale`, with plural forms chosen by their numbers and placeholders filled.
 * Throws on an unknown id or a plural parameter that is not a number (bugs).
 */
export function translate<T extends MessageTable>(
  table: T,
  id: keyof T & string,
  locale: Locale,
  params?: MessageParams,
): string {
  const entry = table[id];
  if (!entry) throw new Error(`Unknown message id: ${id}`);
  return formatTemplate(selectPluralForms(entry[locale], locale, params), params);
}

/** Picks `ru` for any Russian language tag (`ru`, `ru-RU`), `en` otherwise. */
export function localeFromTag(tag: string | undefined): Locale {
  return tag !== undefined && /^ru\b/i.test(tag) ? 'ru' : 'en';
}
