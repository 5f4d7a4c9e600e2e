import path from 'node:path';
import { parseIsoDay, type CalendarDay } from '../../shared/calendar';
import {
  formatMoney,
  formatNumber,
  formatPercent,
  translate,
  type Locale,
} from '../../shared/i18n';
import { buildAnalysisReport, type AnalysisJson } from '../../shared/report/analysis-report';
import { CLI_MESSAGES, type CliMessageId } from '../../shared/report/cli-messages';
import type { RetentionSectionOptions } from '../../shared/report/retention-report';
import type { ColumnChoices } from '../../shared/sheet-data';
import { CliError } from '../cli-error';
import type { CliCommand, CliContext } from '../command';
import { columnChoicesOf, COLUMN_OPTIONS } from '../column-options';
import { parseOptions, type OptionSpec } from '../parse-options';
import { rejectedRowLines } from '../rejected-row-lines';
import { inputFormatOf, readInputFile, readInputSheet } from '../read-input-file';
import { RETENTION_OPTIONS, retentionOptions } from '../retention-options';
import { writeOutputFile } from '../write-output-file';
import { writeReportXlsx } from '../xlsx/write-report-xlsx';

const OPTIONS: OptionSpec = {
  options: {
    sheet: 'string',
    'as-of': 'string',
    locale: 'string',
    out: 'string',
    json: 'string',
    margin: 'string',
    'inactive-days': 'string',
    abc: 'string',
    ...COLUMN_OPTIONS,
    ...RETENTION_OPTIONS,
    help: 'boolean',
  },
  aliases: { h: 'help' },
};

/** Rejected rows listed in the summary; the report's sheet and the JSON list them all. */
const REJECTED_SHOWN = 10;

/** Parsed and checked `analyze` arguments. */
export interface AnalyzeArguments {
  readonly input: string;
  readonly sheet?: string;
  /** Columns chosen with `--column ROLE=COLUMN`, over the ones the reader finds. */
  readonly columns?: ColumnChoices;
  readonly asOf?: CalendarDay;
  readonly locale?: Locale;
  readonly out?: string;
  readonly json?: string;
  /** Gross margin ratio 0..1, for the simple LTV. */
  readonly marginRatio?: number;
  readonly inactiveAfterDays?: number;
  /** ABC cut-offs as ratios, e.g. [0.8, 0.95]. */
  readonly abcThresholds?: readonly [number, number];
  /** Churn window, alert thresholds, migration periods and channel spend (`--lost-*`, ...). */
  readonly retention?: RetentionSectionOptions;
}

/** `0.3` or `30%` -> 0.3; undefined when it is not a ratio in 0..1. */
function parseRatio(text: string): number | undefined {
  const percent = text.trim().endsWith('%');
  const value = Number(text.trim().replace(/%$/, '').replace(',', '.'));
  if (!Number.isFinite(value)) return undefined;
  const ratio = percent ? value / 100 : value;
  return ratio >= 0 && ratio <= 1 ? ratio : undefined;
}

/** `80/95` (percent) or `0.8/0.95` -> [0.8, 0.95]; undefined unless 0 < A < B <= 1. */
function parseAbcThresholds(text: string): readonly [number, number] | undefined {
  const parts = text.split('/');
  if (parts.length !== 2) return undefined;
  const numbers = parts.map((part) => Number(part.trim().replace(',', '.')));
  const [a, b] = numbers.map((n) => (n > 1 ? n / 100 : n));
  if (a === undefined || b === undefined || !(a > 0 && a < b && b <= 1)) return undefined;
  return [a, b];
}

/**
 * Checks the `analyze` arguments: exactly one input file, `--locale en|ru`, `--as-of` a real ISO
 * day, `--sheet` only for an .xlsx file, `--column ROLE=COLUMN` (`columnChoicesOf`), the metric
 * options and the retention options
 * (`retentionOptions`). Throws `CliError` naming the problem.
 * Example: `parseAnalyzeArguments(['a.csv', '--as-of', '2025-02-30'])` throws `badAsOf` (tested).
 */
export function parseAnalyzeArguments(args: readonly string[]): AnalyzeArguments {
  const parsed = parseOptions(args, OPTIONS, 'analyze');
  const [input, ...extra] = parsed.positionals;
  if (input === undefined) throw new CliError('missingInput');
  if (extra.length > 0) throw new CliError('extraArguments', { arguments: extra.join(' ') });
  const { sheet, locale, out, json } = parsed.strings;
  // A delimited file holds one table: a sheet name there is a mistake, not something to ignore.
  if (sheet !== undefined && inputFormatOf(input) === 'delimited') {
    throw new CliError('sheetInTextFile', { path: input });
  }
  const asOfText = parsed.strings['as-of'];
  if (locale !== undefined && locale !== 'en' && locale !== 'ru') {
    throw new CliError('badLocale', { value: locale });
  }
  let asOf: CalendarDay | undefined;
  if (asOfText !== undefined) {
    asOf = parseIsoDay(asOfText);
    if (asOf === undefined) throw new CliError('badAsOf', { value: asOfText });
  }
  let marginRatio: number | undefined;
  if (parsed.strings.margin !== undefined) {
    marginRatio = parseRatio(parsed.strings.margin);
    if (marginRatio === undefined) {
      throw new CliError('badMargin', { value: parsed.strings.margin });
    }
  }
  let inactiveAfterDays: number | undefined;
  const inactiveText = parsed.strings['inactive-days'];
  if (inactiveText !== undefined) {
    inactiveAfterDays = Number(inactiveText);
    if (!Number.isInteger(inactiveAfterDays) || inactiveAfterDays <= 0) {
      throw new CliError('badInactiveDays', { value: inactiveText });
    }
  }
  let abcThresholds: readonly [number, number] | undefined;
  if (parsed.strings.abc !== undefined) {
    abcThresholds = parseAbcThresholds(parsed.strings.abc);
    if (abcThresholds === undefined) throw new CliError('badAbc', { value: parsed.strings.abc });
  }
  const retention = retentionOptions(parsed.strings, parsed.flags);
  const columns = columnChoicesOf(parsed.lists['column']);
  return {
    input,
    ...(sheet === undefined ? {} : { sheet }),
    ...(columns === undefined ? {} : { columns }),
    ...(retention === undefined ? {} : { retention }),
    ...(marginRatio === undefined ? {} : { marginRatio }),
    ...(inactiveAfterDays === undefined ? {} : { inactiveAfterDays }),
    ...(abcThresholds === undefined ? {} : { abcThresholds }),
    ...(asOf === undefined ? {} : { asOf }),
    ...(locale === undefined ? {} : { locale }),
    ...(out === undefined ? {} : { out }),
    ...(json === undefined ? {} : { json }),
  };
}

function formatters(locale: Locale) {
  return {
    integer: (value: number) => formatNumber(value, locale, 0),
    money: (value: number | null) => (value === null ? '—' : formatMoney(value, locale)),
    share: (value: number | null) => (value === null ? '—' : formatPercent(value, locale, 1)),
  };
}

/** The short summary printed after an analysis, one line per item, in `locale`. */
export function summaryLines(
  json: AnalysisJson,
  file: string,
  sheet: string | undefined,
  locale: Locale,
): string[] {
  const t = (id: CliMessageId, params?: Readonly<Record<string, string | number>>) =>
    translate(CLI_MESSAGES, id, locale, params);
  const f = formatters(locale);
  const lines = [
    t('summaryRead', {
      file,
      sheet: sheet === undefined ? '' : ` [${sheet}]`,
      rows: f.integer(json.dataRowCount),
      shape: t(json.shape === 'transactions' ? 'shapeTransactions' : 'shapeClients'),
      clients: f.integer(json.clients.length),
      rejected: f.integer(json.rejectedRows.length),
    }),
    t('summaryAsOf', {
      asOf: json.asOf,
      revenue: f.money(json.metrics.revenue),
      averageCheck: f.money(json.metrics.averageCheck),
      repeatShare: f.share(json.metrics.repeatRate),
    }),
    t('summarySegmentsTitle'),
  ];
  for (const segment of json.segments) {
    if (segment.clients === 0) continue;
    lines.push(
      t('summarySegmentLine', {
        name: segment.name,
        clients: f.integer(segment.clients),
        share: f.share(segment.revenueShare),
      }),
    );
  }
  lines.push(...rejectedRowLines(json.rejectedRows, REJECTED_SHOWN, locale));
  return lines;
}

async function runAnalyze(args: readonly string[], context: CliContext): Promise<number> {
  const parsed = parseAnalyzeArguments(args);
  const locale = parsed.locale ?? context.locale;
  const inputPath = path.resolve(context.cwd, parsed.input);
  const input = await readInputFile(inputPath, {
    displayPath: parsed.input,
    ...(parsed.sheet === undefined ? {} : { sheet: parsed.sheet }),
  });
  const read = readInputSheet(input, {
    locale,
    ...(parsed.columns === undefined ? {} : { columns: parsed.columns }),
  });
  const { report, json } = buildAnalysisReport(read, {
    locale,
    ...(parsed.asOf === undefined ? {} : { asOf: parsed.asOf }),
    ...(parsed.marginRatio === undefined ? {} : { marginRatio: parsed.marginRatio }),
    ...(parsed.inactiveAfterDays === undefined
      ? {}
      : { inactiveAfterDays: parsed.inactiveAfterDays }),
    ...(parsed.abcThresholds === undefined ? {} : { abc: { thresholds: parsed.abcThresholds } }),
    ...(parsed.retention === undefined ? {} : { retention: parsed.retention }),
  });
  const lines = summaryLines(
    json,
    parsed.input,
    input.format === 'xlsx' ? input.sheetName : undefined,
    locale,
  );
  for (const line of lines) context.stdout(line);
  if (parsed.out !== undefined) {
    const bytes = await writeReportXlsx(report, {
      original: input.original,
      date1904: input.dateSystem === '1904',
    });
    await writeOutputFile(path.resolve(context.cwd, parsed.out), bytes);
    context.stdout(translate(CLI_MESSAGES, 'wroteReport', locale, { path: parsed.out }));
  }
  if (parsed.json !== undefined) {
    await writeOutputFile(
      path.resolve(context.cwd, parsed.json),
      `${JSON.stringify(json, null, 2)}\n`,
    );
    context.stdout(translate(CLI_MESSAGES, 'wroteJson', locale, { path: parsed.json }));
  }
  if (parsed.out === undefined && parsed.json === undefined) {
    context.stdout(translate(CLI_MESSAGES, 'noOutputHint', locale));
  }
  return 0;
}

/**
 * `clientbase analyze <file> [--sheet] [--column] [--as-of] [--locale] [--out] [--json]`, the metric options
 * and the retention options (`--lost-*`, `--alert-*`, `--migration-*`, `--channel-spend`).
 */
export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: CLI_MESSAGES.analyzeSummary,
  help: CLI_MESSAGES.analyzeHelp,
  run: runAnalyze,
};
