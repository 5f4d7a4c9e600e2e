import { parseIsoDay, formatIsoDay, type CalendarDay } from '../shared/calendar';
import type { RetentionSectionOptions } from '../shared/report/retention-report';
import type { MigrationPeriod } from '../shared/segmentation';
import { isAmbiguousAmount, parseMoney } from '../shared/sheet-data';
import { CliError } from './cli-error';
import type { OptionType } from './parse-options';

/**
 * The `analyze` options of the retention sheets (user guide §13–16), each the CLI spelling of one
 * option of the core: `--lost-*` the churn window and look-back of `lostClients`, `--alert-*` the
 * thresholds of `retentionAlerts`, `--migration-*` the periods of `segmentMigration`,
 * `--channel-spend` the spend map of `channelPortfolios`.
 */
export const RETENTION_OPTIONS: Readonly<Record<string, OptionType>> = {
  'channel-spend': 'string',
  'migration-months': 'string',
  'migration-previous': 'string',
  'migration-current': 'string',
  'lost-factor': 'string',
  'lost-min-days': 'string',
  'lost-one-time-days': 'string',
  'lost-period-months': 'string',
  'lost-remaining-months': 'string',
  'lost-yearly-value': 'string',
  'alert-check-drop': 'string',
  'alert-check-months': 'string',
  'alert-regular-purchases': 'string',
  'alert-silence-factor': 'string',
  'alert-category': 'string',
  'alert-category-gap': 'string',
  'alert-lost': 'boolean',
};

/** `12`, `2.5`, `2,5` -> the number; undefined for anything else (no signs, no exponents). */
function plainNumber(text: string): number | undefined {
  const normal = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normal) ? Number(normal) : undefined;
}

/**
 * An amount of money as the sheet reader reads one (`parseMoney`: `50000`, `50 000`, `50 000,50`,
 * `1,234.56`, `20 000 ₽`), not negative. `50,000` is refused rather than guessed
 * (`isAmbiguousAmount`: it could be fifty or fifty thousand). Undefined for anything else.
 * Example: `moneyAmount('50 000,5')` is 50000.5 (tested).
 */
export function moneyAmount(text: string): number | undefined {
  if (isAmbiguousAmount(text)) return undefined;
  const value = parseMoney(text);
  return value !== undefined && value >= 0 ? value : undefined;
}

/** `0.2`, `0,2` or `20%` -> 0.2; undefined unless a ratio in 0..1. */
function ratio(text: string): number | undefined {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const value = plainNumber(percent ? trimmed.slice(0, -1) : trimmed);
  if (value === undefined) return undefined;
  const r = percent ? value / 100 : value;
  return r <= 1 ? r : undefined;
}

function wholeAtLeast(option: string, text: string, min: number): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min))
    throw new CliError('badWholeOption', { option: `--${option}`, min, value: text });
  return value;
}

function numberAbove0(option: string, text: string): number {
  const value = plainNumber(text);
  if (value === undefined || value <= 0) {
    throw new CliError('badPositiveOption', { option: `--${option}`, value: text });
  }
  return value;
}

function numberAtLeast0(option: string, text: string): number {
  const value = plainNumber(text);
  if (value === undefined) {
    throw new CliError('badNonNegativeOption', { option: `--${option}`, value: text });
  }
  return value;
}

function amountOption(option: string, value: string): number {
  const amount = moneyAmount(value);
  if (amount === undefined) throw new CliError('badAmountOption', { option: `--${option}`, value });
  return amount;
}

function ratioOption(option: string, value: string): number {
  const r = ratio(value);
  if (r === undefined) throw new CliError('badRatioOption', { option: `--${option}`, value });
  return r;
}

/** `--alert-category M/N`: a habit is the category in at least M of N months, 1 <= M <= N. */
function categoryHabit(
  _option: string,
  value: string,
): { minMonths: number; historyMonths: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const minMonths = Number(match?.[1]);
  const historyMonths = Number(match?.[2]);
  if (!match || !(minMonths >= 1 && minMonths <= historyMonths)) {
    throw new CliError('badAlertCategory', { value });
  }
  return { minMonths, historyMonths };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function assign<T, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function channelKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * `--channel-spend` text -> spend per channel: `CHANNEL=AMOUNT` entries separated by commas, or by
 * semicolons when an amount has a decimal comma (`"Instagram=50 000,50; Avito=20 000"`). Names
 * are kept as written (the core matches them trimmed and case-insensitively).
 * Throws `CliError` `badChannelSpend`, `badChannelAmount` or `duplicateChannel`.
 * Example: `channelSpend('Instagram=50000,Avito=20 000')` is `{ Instagram: 50000, Avito: 20000 }`.
 */
export function channelSpend(text: string): Record<string, number> {
  const separator = text.includes(';') ? ';' : ',';
  const spend: Record<string, number> = {};
  const seen = new Set<string>();
  for (const entry of text.split(separator)) {
    if (entry.trim() === '' && separator === ';') continue;
    const equals = entry.lastIndexOf('=');
    const name = equals < 0 ? '' : entry.slice(0, equals).trim();
    if (name === '') throw new CliError('badChannelSpend', { entry: entry.trim() });
    const amountText = entry.slice(equals + 1);
    const amount = moneyAmount(amountText);
    if (amount === undefined) {
      throw new CliError('badChannelAmount', { channel: name, value: amountText.trim() });
    }
    if (seen.has(channelKey(name))) throw new CliError('duplicateChannel', { channel: name });
    seen.add(channelKey(name));
    spend[name] = amount;
  }
  return spend;
}

/** A migration period as the user writes it: `FROM..TO` days, both included; `..TO` = from the start. */
interface DayRange {
  readonly from?: CalendarDay;
  readonly to: CalendarDay;
}

function dayRange(option: string, text: string): DayRange {
  const parts = text.trim().split('..');
  const [fromText, toText] = parts;
  const bad = () => new CliError('badPeriod', { option: `--${option}`, value: text });
  if (parts.length !== 2 || fromText === undefined || toText === undefined) throw bad();
  const to = parseIsoDay(toText.trim());
  const from = fromText.trim() === '' ? undefined : parseIsoDay(fromText.trim());
  if (to === undefined || (fromText.trim() !== '' && from === undefined)) throw bad();
  if (from !== undefined && from > to) throw bad();
  return from === undefined ? { to } : { from, to };
}

function migrationPeriod(range: DayRange): MigrationPeriod {
  // The core's periods run up to a first day not covered; the user's TO day is included.
  return range.from === undefined
    ? { asOf: range.to + 1 }
    : { fromDay: range.from, asOf: range.to + 1 };
}

function migrationOption(
  strings: Readonly<Record<string, string>>,
): RetentionSectionOptions['migration'] {
  const months = strings['migration-months'];
  const previousText = strings['migration-previous'];
  const currentText = strings['migration-current'];
  if (months !== undefined && (previousText !== undefined || currentText !== undefined)) {
    throw new CliError('migrationConflict');
  }
  if (months !== undefined) return { months: wholeAtLeast('migration-months', months, 1) };
  if (previousText === undefined && currentText === undefined) return undefined;
  if (previousText === undefined || currentText === undefined) {
    throw new CliError('migrationNeedsBoth');
  }
  const previous = dayRange('migration-previous', previousText);
  const current = dayRange('migration-current', currentText);
  if (previous.to > current.to) {
    throw new CliError('migrationOrder', {
      previous: formatIsoDay(previous.to),
      current: formatIsoDay(current.to),
    });
  }
  return { previous: migrationPeriod(previous), current: migrationPeriod(current) };
}

/**
 * Reads the retention options of `analyze` (see `RETENTION_OPTIONS`) from parsed option strings
 * and flags; an option left out keeps the core's default. Returns `undefined` when none is given.
 * Throws `CliError` naming the option and the value for anything it cannot read.
 * Example: `retentionOptions({ 'alert-check-drop': '30%', 'lost-factor': '2,5' }, new Set())`
 * gives `{ alerts: { checkDropRatio: 0.3 }, lost: { windowMultiplier: 2.5 } }` (tested).
 */
export function retentionOptions(
  strings: Readonly<Record<string, string>>,
  flags: ReadonlySet<string>,
): RetentionSectionOptions | undefined {
  const lost: Mutable<NonNullable<RetentionSectionOptions['lost']>> = {};
  const alerts: Mutable<NonNullable<RetentionSectionOptions['alerts']>> = {};
  const read = <T>(name: string, parse: (option: string, value: string) => T): T | undefined => {
    const value = strings[name];
    return value === undefined ? undefined : parse(name, value);
  };
  const whole = (min: number) => (option: string, value: string) =>
    wholeAtLeast(option, value, min);

  assign(lost, 'windowMultiplier', read('lost-factor', numberAbove0));
  assign(lost, 'minimumWindowDays', read('lost-min-days', whole(0)));
  assign(lost, 'oneTimeBuyerWindowDays', read('lost-one-time-days', whole(1)));
  assign(lost, 'periodMonths', read('lost-period-months', whole(1)));
  assign(lost, 'expectedRemainingMonths', read('lost-remaining-months', numberAtLeast0));
  assign(lost, 'yearlyValuePerClient', read('lost-yearly-value', amountOption));
  assign(alerts, 'checkDropRatio', read('alert-check-drop', ratioOption));
  assign(alerts, 'checkWindowMonths', read('alert-check-months', whole(1)));
  assign(alerts, 'regularMinPurchases', read('alert-regular-purchases', whole(2)));
  assign(alerts, 'silenceMultiplier', read('alert-silence-factor', numberAbove0));
  assign(alerts, 'categoryRecentMonths', read('alert-category-gap', whole(1)));
  const habit = read('alert-category', categoryHabit);
  if (habit !== undefined) {
    alerts.categoryMinMonths = habit.minMonths;
    alerts.categoryHistoryMonths = habit.historyMonths;
  }
  if (flags.has('alert-lost')) alerts.includeLostClients = true;

  const migration = migrationOption(strings);
  const spendText = strings['channel-spend'];
  const result: RetentionSectionOptions = {
    ...(Object.keys(lost).length > 0 ? { lost } : {}),
    ...(Object.keys(alerts).length > 0 ? { alerts } : {}),
    ...(migration === undefined ? {} : { migration }),
    ...(spendText === undefined ? {} : { spendByChannel: channelSpend(spendText) }),
  };
  return Object.keys(result).length > 0 ? result : undefined;
}
