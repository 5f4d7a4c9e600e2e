import path from 'node:path';
import { formatIsoDay, parseIsoDay, type CalendarDay } from '../../shared/calendar';
import { AnalyticsError } from '../../shared/errors';
import { translate, type Locale, type MessageParams } from '../../shared/i18n';
import {
  calibrationHistogram,
  DAYS_PER_UNIT,
  fitBgNbd,
  fitGammaGamma,
  fitParetoNbd,
  holdoutByFrequency,
  modelsMessages,
  paretoNbdExpectedPurchases,
  paretoNbdProbabilityAlive,
  repeatPurchaseTracking,
  scoreClients,
  summariseForModels,
  type ModelsMessageId,
  type ParetoNbdFit,
  type TimeUnit,
} from '../../shared/models';
import { buildClvReport } from '../../shared/report/clv-report';
import type { ColumnChoices } from '../../shared/sheet-data';
import { CLI_MESSAGES } from '../../shared/report/cli-messages';
import { REPORT_MESSAGES } from '../../shared/report/messages';
import type { CliCommand, CliContext } from '../command';
import { CliError } from '../cli-error';
import { columnChoicesOf, COLUMN_OPTIONS } from '../column-options';
import { parseOptions, type OptionSpec } from '../parse-options';
import { readInputFile, readInputSheet } from '../read-input-file';
import { writeOutputFile } from '../write-output-file';
import { writeReportXlsx } from '../xlsx/write-report-xlsx';

const OPTIONS: OptionSpec = {
  options: {
    'calibration-end': 'string',
    'holdout-end': 'string',
    unit: 'string',
    horizon: 'string',
    'discount-rate': 'string',
    margin: 'string',
    sheet: 'string',
    ...COLUMN_OPTIONS,
    locale: 'string',
    out: 'string',
    json: 'string',
    help: 'boolean',
  },
  aliases: { h: 'help' },
};

const DEFAULT_HORIZON: Readonly<Record<TimeUnit, number>> = { week: 52, day: 365, month: 12 };

/** Parsed and checked `clv` arguments. */
export interface ClvArguments {
  readonly input: string;
  readonly calibrationEnd: CalendarDay;
  readonly holdoutEnd?: CalendarDay;
  readonly unit: TimeUnit;
  /** Horizon in whole units (one CLV period per unit). */
  readonly horizon: number;
  /** Discount rate per unit, as a ratio. */
  readonly discountRate: number;
  /** Gross margin ratio 0..1. */
  readonly margin: number;
  readonly sheet?: string;
  /** Columns chosen with `--column ROLE=COLUMN`, over the ones the reader finds. */
  readonly columns?: ColumnChoices;
  readonly locale?: Locale;
  readonly out?: string;
  readonly json?: string;
}

function userError(
  locale: Locale,
  id: ModelsMessageId,
  params: MessageParams = {},
): AnalyticsError {
  return new AnalyticsError('invalid_argument', translate(modelsMessages, id, locale, params));
}

/**
 * Checks the `clv` arguments: one input file, a real `--calibration-end`, optional later
 * `--holdout-end`, `--unit week|day|month`, a whole `--horizon` >= 1, `--discount-rate` > -1 and
 * `--margin` in 0..1, `--column ROLE=COLUMN` as `columnChoicesOf` reads it. Throws a localized
 * error naming the option.
 * Example: `parseClvArguments(['a.csv', '--calibration-end', '1997-09-30'], 'en').horizon` is 52.
 */
export function parseClvArguments(args: readonly string[], locale: Locale): ClvArguments {
  const parsed = parseOptions(args, OPTIONS, 'clv');
  const [input, ...extra] = parsed.positionals;
  if (input === undefined) throw userError(locale, 'cli.missingInput');
  if (extra.length > 0)
    throw userError(locale, 'cli.extraArguments', { arguments: extra.join(' ') });
  const s = parsed.strings;
  const localeOption = s['locale'];
  if (localeOption !== undefined && localeOption !== 'en' && localeOption !== 'ru') {
    throw new CliError('badLocale', { value: localeOption });
  }
  const day = (option: string): CalendarDay | undefined => {
    const text = s[option];
    if (text === undefined) return undefined;
    const value = parseIsoDay(text);
    if (value === undefined)
      throw userError(locale, 'cli.badDate', { option: `--${option}`, value: text });
    return value;
  };
  const calibrationEnd = day('calibration-end');
  if (calibrationEnd === undefined) throw userError(locale, 'cli.missingCalibrationEnd');
  const holdoutEnd = day('holdout-end');
  const unitText = s['unit'] ?? 'week';
  if (unitText !== 'week' && unitText !== 'day' && unitText !== 'month') {
    throw userError(locale, 'cli.badUnit', { value: unitText });
  }
  const unit: TimeUnit = unitText;
  const columns = columnChoicesOf(parsed.lists['column']);
  const number = (
    option: string,
    rule: ModelsMessageId,
    ok: (v: number) => boolean,
    fallback: number,
  ): number => {
    const text = s[option];
    if (text === undefined) return fallback;
    const value = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(value) || !ok(value)) {
      throw userError(locale, 'cli.badNumber', {
        option: `--${option}`,
        rule: translate(modelsMessages, rule, locale),
        value: text,
      });
    }
    return value;
  };
  return {
    input,
    calibrationEnd,
    ...(holdoutEnd === undefined ? {} : { holdoutEnd }),
    unit,
    horizon: number(
      'horizon',
      'cli.ruleHorizon',
      (v) => Number.isInteger(v) && v >= 1,
      DEFAULT_HORIZON[unit],
    ),
    discountRate: number('discount-rate', 'cli.ruleDiscount', (v) => v > -1, 0),
    margin: number('margin', 'cli.ruleMargin', (v) => v >= 0 && v <= 1, 1),
    ...(s['sheet'] === undefined ? {} : { sheet: s['sheet'] }),
    ...(columns === undefined ? {} : { columns }),
    ...(localeOption === undefined ? {} : { locale: localeOption }),
    ...(s['out'] === undefined ? {} : { out: s['out'] }),
    ...(s['json'] === undefined ? {} : { json: s['json'] }),
  };
}

/** A finite number or null: JSON never carries NaN or Infinity. */
const finite = (v: number | undefined): number | null =>
  v !== undefined && Number.isFinite(v) ? v : null;

async function runClv(args: readonly string[], context: CliContext): Promise<number> {
  const parsed = parseClvArguments(args, context.locale);
  const locale = parsed.locale ?? context.locale;
  const t = (id: ModelsMessageId, params?: MessageParams) =>
    translate(modelsMessages, id, locale, params);
  const input = await readInputFile(path.resolve(context.cwd, parsed.input), {
    displayPath: parsed.input,
    ...(parsed.sheet === undefined ? {} : { sheet: parsed.sheet }),
  });
  const read = readInputSheet(input, {
    locale,
    shape: 'transactions',
    ...(parsed.columns === undefined ? {} : { columns: parsed.columns }),
  });
  if (read.transactions.length === 0) {
    // As `analyze` says it: the rejected rows, printed with the error, are what to fix.
    throw new AnalyticsError(
      'empty_input',
      translate(REPORT_MESSAGES, 'errorNoTransactions', locale),
      { rejectedRows: read.rejectedRows },
    );
  }
  const summary = summariseForModels(read.transactions, {
    calibrationEnd: parsed.calibrationEnd,
    unit: parsed.unit,
    ...(parsed.holdoutEnd === undefined ? {} : { holdoutEnd: parsed.holdoutEnd }),
  });
  const clients = summary.clients;
  const bgNbd = fitBgNbd(clients);
  const gammaGamma = fitGammaGamma(clients);
  let paretoNbd: ParetoNbdFit | undefined;
  let paretoError: string | undefined;
  try {
    paretoNbd = fitParetoNbd(clients);
  } catch (error) {
    // Pareto/NBD is the secondary model: its failure is reported, BG/NBD results still stand.
    if (!(error instanceof AnalyticsError)) throw error;
    paretoError = error.message;
  }
  const clvOptions = {
    horizonPeriods: parsed.horizon,
    periodLength: 1,
    discountRatePerPeriod: parsed.discountRate,
    marginRatio: parsed.margin,
  };
  const model = { kind: 'bg-nbd' as const, parameters: bgNbd.parameters };
  const forecasts = scoreClients(clients, model, gammaGamma.parameters, clvOptions);
  const holdout =
    summary.holdoutLength === undefined
      ? undefined
      : holdoutByFrequency(clients, model, summary.holdoutLength);
  const histogram = calibrationHistogram(clients, bgNbd.parameters);
  const startDay = clients.reduce((m, c) => Math.min(m, c.firstPurchaseDay), Infinity);
  const lastDay = parsed.holdoutEnd ?? parsed.calibrationEnd;
  const periods = Math.max(1, Math.ceil((lastDay - startDay + 1) / DAYS_PER_UNIT[parsed.unit]));
  const tracking = repeatPurchaseTracking(read.transactions, clients, model, {
    startDay,
    periods,
    unit: parsed.unit,
  });
  const report = buildClvReport({
    locale,
    unit: parsed.unit,
    calibrationEnd: parsed.calibrationEnd,
    bgNbd,
    ...(paretoNbd ? { paretoNbd } : {}),
    gammaGamma,
    forecasts,
    clvOptions,
    ...(holdout ? { holdout } : {}),
    histogram,
    tracking,
  });

  const f = (v: number, digits = 4) => v.toFixed(digits);
  const p = bgNbd.parameters;
  const unitLabel = t(`unit.${parsed.unit}`);
  context.stdout(
    t('cli.summaryRead', {
      file: parsed.input,
      transactions: read.transactions.length,
      clients: clients.length,
      rejected: read.rejectedRows.length,
    }),
  );
  context.stdout(
    t('cli.summaryBgNbd', {
      r: f(p.r),
      alpha: f(p.alpha),
      unit: unitLabel,
      a: f(p.a),
      b: f(p.b),
      ll: f(bgNbd.logLikelihood, 2),
    }),
  );
  if (paretoNbd) {
    const q = paretoNbd.parameters;
    context.stdout(
      t('cli.summaryParetoNbd', {
        r: f(q.r),
        alpha: f(q.alpha),
        s: f(q.s),
        beta: f(q.beta),
        ll: f(paretoNbd.logLikelihood, 2),
      }),
    );
  } else {
    context.stdout(t('cli.summaryParetoFailed', { reason: paretoError ?? '' }));
  }
  const g = gammaGamma.parameters;
  context.stdout(
    t('cli.summaryGammaGamma', {
      p: f(g.p, 3),
      q: f(g.q, 3),
      gamma: f(g.gamma, 3),
      mean: f((g.p * g.gamma) / (g.q - 1), 2),
    }),
  );
  context.stdout(
    t('cli.summaryClv', {
      horizon: parsed.horizon,
      unit: unitLabel,
      purchases: f(
        forecasts.reduce((s, c) => s + c.expectedPurchases, 0),
        1,
      ),
      clv: f(
        forecasts.reduce((s, c) => s + c.clv, 0),
        2,
      ),
    }),
  );
  if (holdout && parsed.holdoutEnd !== undefined) {
    context.stdout(
      t('cli.summaryHoldout', {
        holdoutEnd: formatIsoDay(parsed.holdoutEnd),
        actual: holdout.reduce((s, r) => s + r.actualMeanHoldout * r.clients, 0).toFixed(0),
        predicted: holdout.reduce((s, r) => s + r.predictedMeanHoldout * r.clients, 0).toFixed(1),
      }),
    );
  }

  if (parsed.out !== undefined) {
    const bytes = await writeReportXlsx(report);
    await writeOutputFile(path.resolve(context.cwd, parsed.out), bytes);
    context.stdout(translate(CLI_MESSAGES, 'wroteReport', locale, { path: parsed.out }));
  }
  if (parsed.json !== undefined) {
    const se = (e: Readonly<Record<string, number>> | undefined) =>
      e === undefined
        ? null
        : Object.fromEntries(Object.entries(e).map(([k, v]) => [k, finite(v)]));
    const json = {
      file: parsed.input,
      unit: parsed.unit,
      calibrationEnd: formatIsoDay(parsed.calibrationEnd),
      holdoutEnd: parsed.holdoutEnd === undefined ? null : formatIsoDay(parsed.holdoutEnd),
      horizon: parsed.horizon,
      discountRatePerPeriod: parsed.discountRate,
      margin: parsed.margin,
      bgnbd: {
        ...bgNbd.parameters,
        logLikelihood: bgNbd.logLikelihood,
        standardErrors: se(bgNbd.standardErrors && { ...bgNbd.standardErrors }),
      },
      paretoNbd: paretoNbd
        ? {
            ...paretoNbd.parameters,
            logLikelihood: paretoNbd.logLikelihood,
            standardErrors: se(paretoNbd.standardErrors && { ...paretoNbd.standardErrors }),
          }
        : { error: paretoError ?? null },
      gammaGamma: {
        ...gammaGamma.parameters,
        logLikelihood: gammaGamma.logLikelihood,
        standardErrors: se(gammaGamma.standardErrors && { ...gammaGamma.standardErrors }),
      },
      clients: forecasts.map((c) => {
        const row = { x: c.repeatPurchases, t_x: c.firstToLastPurchase, T: c.firstPurchaseToEnd };
        return {
          client: c.clientName,
          x: c.repeatPurchases,
          t_x: finite(c.firstToLastPurchase),
          T: finite(c.firstPurchaseToEnd),
          meanRepeatValue: finite(c.meanRepeatValue),
          pAlive: finite(c.probabilityAlive),
          expectedPurchases: finite(c.expectedPurchases),
          expectedSpend: finite(c.expectedSpendPerPurchase),
          clv: finite(c.clv),
          ...(paretoNbd
            ? {
                pAliveParetoNbd: finite(paretoNbdProbabilityAlive(paretoNbd.parameters, row)),
                expectedPurchasesParetoNbd: finite(
                  paretoNbdExpectedPurchases(paretoNbd.parameters, row, parsed.horizon),
                ),
              }
            : {}),
          ...(c.holdoutRepeatCount === undefined
            ? {}
            : { holdoutRepeatPurchases: c.holdoutRepeatCount }),
        };
      }),
      fit: {
        holdoutByFrequency: holdout ?? null,
        calibrationHistogram: histogram,
        tracking: tracking.map((r) => ({ ...r, lastDay: formatIsoDay(r.lastDay) })),
      },
      rejectedRows: read.rejectedRows,
    };
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

/** `clientbase clv <file> --calibration-end YYYY-MM-DD [--holdout-end] [--unit] [--horizon] [--discount-rate] [--margin] [--column] [--out] [--json]`. */
export const clvCommand: CliCommand = {
  name: 'clv',
  summary: modelsMessages['cli.summary'],
  help: modelsMessages['cli.help'],
  run: runClv,
};
