/** The character a column uses before the fraction of a money amount. */
export type DecimalSeparator = '.' | ',';

export interface ParseMoneyOptions {
  /**
   * The decimal separator the rest of the column uses, to settle an ambiguous value such as
   * `1,234` or `1.234` (one separator followed by exactly three digits). See `parseMoney`.
   */
  readonly decimalSeparator?: DecimalSeparator;
}

const CURRENCY_PREFIX = /^(?:[$€£¥₽]|us\$|руб\.?|р\.|rub\b|rur\b|usd\b|eur\b)\s*/i;
const CURRENCY_SUFFIX = /\s*(?:[$€£¥₽]|руб\.?|р\.?|rub|rur|usd|eur)$/i;
const CODE_0 = 48;
const CODE_9 = 57;
const CODE_MINUS = 45;
const CODE_DOT = 46;

function isDigitCode(code: number): boolean {
  return code >= CODE_0 && code <= CODE_9;
}

/** Exact powers of ten: every 10^k with k <= 22 is a double without rounding. */
const POWERS_OF_TEN = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];
/** Digits that always fit a double exactly (10^15 < 2^53). */
const EXACT_DIGITS = 15;

/**
 * Reads plain decimal text, `123`, `-123` or `123.45` (ASCII digits, an optional leading `-`, at
 * most one `.` with digits on both sides), or gives `undefined` for any other text. The value is
 * the one `Number(text)` gives, with `-0` read as 0.
 *
 * Definition: with at most 15 digits the digits form an exact integer m and the text is
 * m / 10^k for k fraction digits; both are exact doubles and IEEE 754 division rounds correctly,
 * so m / 10^k is the double nearest the decimal value, as `Number` returns (Clinger, "How to read
 * floating point numbers accurately", PLDI 1990, the fast path). Longer texts go to `Number`.
 * The hot path of money columns in big files; `parseMoney` reads every other shape.
 *
 * @param text the cell text
 * @returns the amount, or `undefined` when the text has another shape. Never throws.
 * @example plainDecimalAmount('-1234.50') === -1234.5; plainDecimalAmount('1 234') === undefined
 */
export function plainDecimalAmount(text: string): number | undefined {
  const length = text.length;
  const negative = text.charCodeAt(0) === CODE_MINUS;
  let i = negative ? 1 : 0;
  const digitsStart = i;
  let mantissa = 0;
  let code = 0;
  while (i < length) {
    code = text.charCodeAt(i);
    if (code < CODE_0 || code > CODE_9) break;
    mantissa = mantissa * 10 + (code - CODE_0);
    i++;
  }
  let digits = i - digitsStart;
  if (digits === 0) return undefined;
  let fractionDigits = 0;
  if (i < length) {
    if (code !== CODE_DOT) return undefined;
    i++;
    const fractionStart = i;
    while (i < length) {
      code = text.charCodeAt(i);
      if (code < CODE_0 || code > CODE_9) return undefined;
      mantissa = mantissa * 10 + (code - CODE_0);
      i++;
    }
    fractionDigits = i - fractionStart;
    if (fractionDigits === 0) return undefined;
    digits += fractionDigits;
  }
  const value =
    digits <= EXACT_DIGITS ? mantissa / (POWERS_OF_TEN[fractionDigits] ?? 1) : Number(text);
  return value === 0 ? 0 : negative && digits <= EXACT_DIGITS ? -value : value;
}

/**
 * `plainDecimalAmount` of text given as its bytes `bytes[start, end)` in an ASCII-compatible
 * encoding (UTF-8, Windows-1251): the same rule, so reading a file's bytes gives what reading its
 * text gives (a property test checks the two on arbitrary text). Plain text is ASCII, so any
 * other byte makes it "not plain".
 *
 * @example plainDecimalBytes(utf8('x-12.5'), 1, 6) === -12.5
 */
export function plainDecimalBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
): number | undefined {
  return readPlainDecimalBytes(bytes, start, end, scratch, 0) ? scratch[0] : undefined;
}

const scratch = new Float64Array(1);

/**
 * `plainDecimalBytes` writing the amount into `out[index]`, for a loop over a million cells:
 * true when the text is plain, else false with `out` untouched. No number is allocated.
 */
export function readPlainDecimalBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  out: Float64Array,
  index: number,
): boolean {
  const negative = bytes[start] === CODE_MINUS;
  let i = negative ? start + 1 : start;
  const digitsStart = i;
  let mantissa = 0;
  let code = 0;
  while (i < end) {
    code = bytes[i] as number;
    if (code < CODE_0 || code > CODE_9) break;
    mantissa = mantissa * 10 + (code - CODE_0);
    i++;
  }
  let digits = i - digitsStart;
  if (digits === 0) return false;
  let fractionDigits = 0;
  if (i < end) {
    if (code !== CODE_DOT) return false;
    i++;
    const fractionStart = i;
    while (i < end) {
      code = bytes[i] as number;
      if (code < CODE_0 || code > CODE_9) return false;
      mantissa = mantissa * 10 + (code - CODE_0);
      i++;
    }
    fractionDigits = i - fractionStart;
    if (fractionDigits === 0) return false;
    digits += fractionDigits;
  }
  if (digits > EXACT_DIGITS) {
    // Only ASCII digits, '-' and '.' were seen: their char codes are their bytes.
    out[index] = plainDecimalAmount(String.fromCharCode(...bytes.subarray(start, end))) ?? NaN;
    return true;
  }
  const value = mantissa / (POWERS_OF_TEN[fractionDigits] ?? 1);
  out[index] = value === 0 ? 0 : negative ? -value : value;
  return true;
}

function isGroupSpace(char: string): boolean {
  return (
    char === ' ' ||
    char === '\u00a0' ||
    char === '\u202f' ||
    char === '\u2009' ||
    char === '\u2007' ||
    char === "'"
  );
}

/** Splits `1 234,56` into digit groups `['1','234','56']` and separators `[' ', ',']`. */
function splitGroups(body: string): { groups: string[]; separators: string[] } | undefined {
  const groups: string[] = [];
  const separators: string[] = [];
  let current = '';
  for (const char of body) {
    if (char >= '0' && char <= '9') {
      current += char;
    } else if (char === '.' || char === ',' || isGroupSpace(char)) {
      if (current === '' && groups.length > 0) return undefined;
      groups.push(current);
      separators.push(isGroupSpace(char) ? ' ' : char);
      current = '';
    } else {
      return undefined;
    }
  }
  if (current === '') return undefined;
  groups.push(current);
  return { groups, separators };
}

/** Which separator (if any) is the decimal point, per the rules in `parseMoney`'s doc card. */
function decimalIndex(
  groups: readonly string[],
  separators: readonly string[],
  hint: DecimalSeparator | undefined,
): number | 'invalid' | undefined {
  let dots = 0;
  let commas = 0;
  for (const sep of separators) {
    if (sep === '.') dots++;
    else if (sep === ',') commas++;
  }
  if (dots === 0 && commas === 0) return undefined;
  const last = separators.length - 1;
  const lastSep = separators[last];
  if (dots > 0 && commas > 0) {
    // Both appear: the last one is the decimal point and must appear once (`1.234,56`).
    if (lastSep === ' ' || (lastSep === '.' ? dots : commas) !== 1) return 'invalid';
    return last;
  }
  const sep = dots > 0 ? '.' : ',';
  if (dots + commas > 1) return undefined; // `1,234,567`: all grouping
  if (lastSep !== sep) return undefined; // `1,234 567`: the punctuation groups
  const after = groups[last + 1] ?? '';
  if (after.length !== 3) return last;
  const before = groups[last] ?? '';
  const spaceGrouped = separators.includes(' ');
  // Only `d,ddd` / `dd,ddd` / `ddd,ddd` without other grouping is ambiguous.
  if (spaceGrouped || before.length === 0 || before.length > 3 || before.startsWith('0')) {
    return last;
  }
  const groupingHint = hint !== undefined && hint !== sep;
  return groupingHint ? undefined : last;
}

function parseBody(body: string, hint: DecimalSeparator | undefined): number | undefined {
  const split = splitGroups(body);
  if (!split) return undefined;
  const { groups, separators } = split;
  const decimalAt = decimalIndex(groups, separators, hint);
  if (decimalAt === 'invalid') return undefined;
  const integerGroups = decimalAt === undefined ? groups : groups.slice(0, decimalAt + 1);
  const fraction = decimalAt === undefined ? '' : (groups[decimalAt + 1] ?? '');
  if (integerGroups.length > 1) {
    // Grouped digits: a first group of 1..3 digits, then groups of exactly 3.
    const first = integerGroups[0] ?? '';
    if (first.length < 1 || first.length > 3) return undefined;
    for (let k = 1; k < integerGroups.length; k++) {
      if (integerGroups[k]?.length !== 3) return undefined;
    }
  }
  const integerDigits = integerGroups.join('');
  const value = Number(`${integerDigits === '' ? '0' : integerDigits}.${fraction || '0'}`);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Reads a money amount as people type it in a sheet, or `undefined` when the text is not a number.
 *
 * Definition: optional sign (`-`, `−`) or accounting parentheses `(500)` for a negative amount;
 * an optional currency mark before or after (`$`, `€`, `£`, `₽`, `руб.`, `р.`, `RUB`, `USD`,
 * `EUR`); digits grouped by spaces (regular, non-breaking U+00A0, narrow U+202F), apostrophes,
 * `,` or `.`. When both `,` and `.` appear the last one is the decimal point (`1.234,56`,
 * `1,234.56`); a separator that appears more than once groups thousands (`1,234,567`). One
 * separator followed by exactly three digits, as in `1,234`, is ambiguous: it groups thousands
 * when `options.decimalSeparator` says the column's other values use the other character for
 * decimals, and is the decimal point otherwise (so `1,234` alone is 1.234, and 1234 in a column
 * of `12.50`-style values). Groups must be 3 digits after the first, so `12 34` is not a number.
 * Formats follow the CLDR number patterns for en and ru (https://cldr.unicode.org).
 *
 * @param value cell text or number; a number is returned as is when finite
 * @param options column-level decimal separator hint
 * @returns the amount in the sheet's currency units, or `undefined`. Never throws.
 * @example parseMoney('1 234,56 ₽') === 1234.56; parseMoney('(500)') === -500
 */
export function parseMoney(
  value: string | number,
  options?: ParseMoneyOptions,
): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const hint = options?.decimalSeparator;
  if (value.length > 0 && (hint !== ',' || !value.includes('.'))) {
    const fast = plainDecimalAmount(value);
    if (fast !== undefined) return fast;
  }
  let text = value.trim();
  if (text === '') return undefined;
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  let signed = false;
  for (let pass = 0; pass < 2; pass++) {
    const first = text.charAt(0);
    if (!signed && (first === '-' || first === '\u2212' || first === '+')) {
      negative = first === '+' ? negative : !negative;
      signed = true;
      text = text.slice(1).trimStart();
    }
    text = text.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
  }
  if (text === '') return undefined;
  const amount = parseBody(text, hint);
  if (amount === undefined) return undefined;
  return negative && amount !== 0 ? -amount : amount;
}

/**
 * The decimal separator a text amount shows unambiguously, if any: the last of `,` and `.` when
 * both appear, the other one when a separator repeats (`1,234,567` implies `.`), or a single one
 * not followed by exactly three digits (`12,5`, `1 234,56`). Used to settle `1,234` per column.
 * @example decimalSeparatorEvidence('1,234.5') === '.'; decimalSeparatorEvidence('1,234') === undefined
 */
export function decimalSeparatorEvidence(text: string): DecimalSeparator | undefined {
  const dot = text.lastIndexOf('.');
  const comma = text.lastIndexOf(',');
  if (dot < 0 && comma < 0) return undefined;
  if (dot >= 0 && comma >= 0) return dot > comma ? '.' : ',';
  const at = dot >= 0 ? dot : comma;
  const sep: DecimalSeparator = dot >= 0 ? '.' : ',';
  if (text.indexOf(sep) !== at) return sep === '.' ? ',' : '.';
  let digits = 0;
  while (isDigitCode(text.charCodeAt(at + 1 + digits))) digits++;
  if (digits === 0) return undefined;
  return digits === 3 ? undefined : sep;
}

/**
 * True for `1,234` or `1.234` (an optional `-`, one to three digits, one separator, exactly three
 * digits, nothing else): text that is a thousand or a fraction depending on which separator the
 * writer uses for decimals, so it cannot be read alone.
 * @example isAmbiguousAmount('50,000') === true; isAmbiguousAmount('50 000') === false
 */
export function isAmbiguousAmount(text: string): boolean {
  return /^\s*-?\d{1,3}[.,]\d{3}\s*$/.test(text);
}
