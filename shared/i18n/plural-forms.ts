import { formatNumber } from './format-number';
import type { Locale, MessageParams } from './translate';

/** The CLDR plural categories a locale's messages must give (https://cldr.unicode.org). */
export const PLURAL_CATEGORIES: Readonly<Record<Locale, readonly Intl.LDMLPluralRule[]>> = {
  en: ['one', 'other'],
  ru: ['one', 'few', 'many', 'other'],
};

const LANGUAGE_TAGS: Readonly<Record<Locale, string>> = { en: 'en-US', ru: 'ru-RU' };
const rules = new Map<Locale, Intl.PluralRules>();

/**
 * The CLDR plural category of `count` in `locale`, from `Intl.PluralRules`: en `one` for 1,
 * `other` otherwise; ru `one` for 1, 21, 101, `few` for 2–4, 22–24, `many` for 0, 5–20, 25–30,
 * `other` for fractions.
 * Example: `pluralCategory(22, 'ru')` is `few` (22 клиента); `pluralCategory(11, 'ru')` is `many`.
 */
export function pluralCategory(count: number, locale: Locale): Intl.LDMLPluralRule {
  let found = rules.get(locale);
  if (found === undefined) {
    found = new Intl.PluralRules(LANGUAGE_TAGS[locale]);
    rules.set(locale, found);
  }
  return found.select(count);
}

/** One `{name, plural, one {...} other {...}}` block of a template. */
export interface PluralBlock {
  /** The parameter whose number picks the form. */
  readonly name: string;
  /** The text of each form, by category. */
  readonly forms: Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>;
  readonly start: number;
  readonly end: number;
}

const BLOCK_START = /\{(\w+),\s*plural,/g;

/** The text inside the braces that open at `open`, and the index after the closing brace. */
function braced(template: string, open: number): { text: string; next: number } {
  let depth = 0;
  for (let i = open; i < template.length; i += 1) {
    const char = template[i];
    if (char === '{') depth += 1;
    else if (char === '}') {
      depth -= 1;
      if (depth === 0) return { text: template.slice(open + 1, i), next: i + 1 };
    }
  }
  throw new Error(`Unclosed brace in message: ${template}`);
}

/**
 * The plural blocks of a message template, in the subset of ICU MessageFormat the message tables
 * use: `{count, plural, one {# client} other {# clients}}`, forms named by CLDR category.
 * Throws on a block that is not closed or whose form is not `category {text}` (a bug in a table).
 */
export function pluralBlocks(template: string): PluralBlock[] {
  const blocks: PluralBlock[] = [];
  BLOCK_START.lastIndex = 0;
  for (let match = BLOCK_START.exec(template); match !== null; match = BLOCK_START.exec(template)) {
    const forms: Partial<Record<Intl.LDMLPluralRule, string>> = {};
    let index = match.index + match[0].length;
    for (;;) {
      while (/\s/.test(template[index] ?? '')) index += 1;
      if (template[index] === '}') break;
      const key = /^(zero|one|two|few|many|other)\s*\{/.exec(template.slice(index));
      if (key === null) throw new Error(`Bad plural form in message: ${template}`);
      const { text, next } = braced(template, index + key[0].length - 1);
      forms[key[1] as Intl.LDMLPluralRule] = text;
      index = next;
    }
    blocks.push({ name: match[1] ?? '', forms, start: match.index, end: index + 1 });
    BLOCK_START.lastIndex = index + 1;
  }
  return blocks;
}

/**
 * The template with each plural block replaced by the form `locale` uses for its parameter, `#`
 * in that form becoming the number written as `formatNumber` writes it (`1 234` in ru). A form
 * the block lacks falls back to `other`. Throws when the parameter is not a number (a bug in the
 * caller: a formatted string cannot pick a form).
 * Example: `selectPluralForms('{n, plural, one {# клиент} few {# клиента} many {# клиентов}
 * other {# клиента}}', 'ru', { n: 5 })` is `5 клиентов`.
 */
export function selectPluralForms(
  template: string,
  locale: Locale,
  params: MessageParams = {},
): string {
  const blocks = pluralBlocks(template);
  if (blocks.length === 0) return template;
  let result = '';
  let from = 0;
  for (const block of blocks) {
    const count = params[block.name];
    if (typeof count !== 'number') {
      throw new Error(`Plural parameter ${block.name} must be a number, not ${String(count)}`);
    }
    const form = block.forms[pluralCategory(count, locale)] ?? block.forms.other ?? '';
    result +=
      template.slice(from, block.start) + form.replace(/#/g, formatNumber(count, locale, 2));
    from = block.end;
  }
  return result + template.slice(from);
}
