import type { CalendarDay } from '../calendar';
import type {
  CatalogArg,
  CatalogContext,
  CatalogFunction,
  CatalogParam,
  CatalogScalar,
} from '../catalog/types';
import { translate, type Locale } from '../i18n';
import {
  languageArgument,
  numberArgument,
  optionalBooleanArgument,
  optionalDayArgument,
  optionalNumberArgument,
  optionalTextArgument,
  transactionRangeArgument,
} from '../catalog/catalog-arguments';
import { latestPurchaseDay } from '../segmentation/customer-summary';
import { fitBgNbd } from './bg-nbd';
import { fitGammaGamma } from './gamma-gamma';
import { modelsError, modelsMessages, type ModelsMessageId } from './messages';
import { fitParetoNbd } from './pareto-nbd';
import type { PurchaseModel } from './purchase-model';
import { expectedPurchases, probabilityAlive } from './purchase-model';
import { scoreClients } from './score-clients';
import { summariseForModels, type ModelSummary } from './summarise-for-models';
import type { TimeUnit } from './types';
import { DAYS_PER_UNIT } from './types';

const CATEGORY = 'forecasting';

const text = (id: ModelsMessageId) => ({ en: modelsMessages[id].en, ru: modelsMessages[id].ru });

const TRANSACTIONS: CatalogParam = {
  name: 'transactions',
  type: 'range',
  unit: 'rows of purchases',
  description: text('catalog.transactions'),
};
/** The options every forecasting function takes after its own, in this order. */
const COMMON: readonly CatalogParam[] = [
  {
    name: 'calibrationEnd',
    type: 'day',
    optional: true,
    unit: 'date',
    description: text('catalog.calibrationEnd'),
  },
  { name: 'unit', type: 'text', optional: true, description: text('catalog.unit') },
  { name: 'model', type: 'text', optional: true, description: text('catalog.model') },
  { name: 'withHeader', type: 'boolean', optional: true, description: text('catalog.withHeader') },
  { name: 'language', type: 'text', optional: true, description: text('catalog.language') },
];

interface Analysis {
  readonly summary: ModelSummary;
  readonly model: PurchaseModel;
  readonly withHeader: boolean;
  readonly locale: Locale;
  readonly unitLabel: string;
}

function choice<T extends string>(
  value: string | undefined,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  const lower = value.toLowerCase() as T;
  if (choices.includes(lower)) return lower;
  throw modelsError('invalid_argument', 'catalog.badChoice', {
    argument: name,
    choices: choices.join(', '),
  });
}

/** A forecast horizon argument, checked before any fit: a number >= 0, whole when `whole`. */
function horizonArgument(value: number, argument: string, whole: boolean): number {
  if ((whole ? Number.isInteger(value) : Number.isFinite(value)) && value >= 0) return value;
  const id = whole ? 'error.badWholeHorizonArgument' : 'error.badHorizonArgument';
  throw modelsError('invalid_argument', id, { argument, value });
}

/** Reads the range, summarises it for the models and fits the chosen purchase model. */
function analyse(
  args: readonly CatalogArg[],
  first: number,
  context: CatalogContext | undefined,
): Analysis {
  const locale = languageArgument(args, first + 4, context);
  const unit = choice<TimeUnit>(
    optionalTextArgument(args, first + 1, 'unit'),
    'unit',
    ['week', 'day', 'month'],
    'week',
  );
  const kind = choice(
    optionalTextArgument(args, first + 2, 'model'),
    'model',
    ['bgnbd', 'paretonbd'] as const,
    'bgnbd',
  );
  const read = transactionRangeArgument(args, 0, 'transactions', locale, context);
  let calibrationEnd: CalendarDay | undefined = optionalDayArgument(args, first, 'calibrationEnd');
  // Default: the latest purchase day (refunds are no purchases, so a later refund does not move it).
  calibrationEnd ??= latestPurchaseDay(read.transactions);
  if (calibrationEnd === undefined) throw modelsError('empty_input', 'error.noPurchases');
  const summary = summariseForModels(read.transactions, { calibrationEnd, unit });
  const model: PurchaseModel =
    kind === 'bgnbd'
      ? { kind: 'bg-nbd', parameters: fitBgNbd(summary.clients).parameters }
      : { kind: 'pareto-nbd', parameters: fitParetoNbd(summary.clients).parameters };
  return {
    summary,
    model,
    withHeader: optionalBooleanArgument(args, first + 3, 'withHeader') ?? false,
    locale,
    unitLabel: translate(modelsMessages, `unit.${unit}`, locale),
  };
}

function withHeader(
  a: Analysis,
  header: readonly string[],
  rows: CatalogScalar[][],
): CatalogScalar[][] {
  return a.withHeader ? [[...header], ...rows] : rows;
}

const t = (a: Analysis, id: ModelsMessageId, params?: Readonly<Record<string, string | number>>) =>
  translate(modelsMessages, id, a.locale, params);

/** Spreadsheet functions of this area (see `shared/catalog`). */
export const modelsCatalog: readonly CatalogFunction[] = [
  {
    name: 'P_ALIVE',
    category: CATEGORY,
    description: {
      en: 'Probability that each client is still active at the calibration end (BG/NBD or Pareto/NBD fitted to the range).',
      ru: 'Вероятность, что клиент ещё активен на конец калибровки (модель BG/NBD или Pareto/NBD по диапазону).',
    },
    params: [TRANSACTIONS, ...COMMON],
    result: 'array',
    example: {
      formula: '=P_ALIVE(A1:C7000, DATE(1997,9,30))',
      result: 'one row per client: Client, P(active) (e.g. 1, 0.73)',
    },
    implementation: (args, context) => {
      const a = analyse(args, 1, context);
      return withHeader(
        a,
        [t(a, 'column.client'), t(a, 'column.probabilityAlive')],
        a.summary.clients.map((c) => [c.clientName, probabilityAlive(a.model, c)]),
      );
    },
  },
  {
    name: 'EXPECTED_PURCHASES',
    category: CATEGORY,
    description: {
      en: 'Expected repeat purchases of each client over the next horizon, from BG/NBD or Pareto/NBD fitted to the range.',
      ru: 'Ожидаемое число повторных покупок клиента на горизонте прогноза по модели BG/NBD или Pareto/NBD.',
    },
    params: [
      TRANSACTIONS,
      { name: 'horizon', type: 'number', unit: 'time units', description: text('catalog.horizon') },
      ...COMMON,
    ],
    result: 'array',
    example: {
      formula: '=EXPECTED_PURCHASES(A1:C7000, 39, DATE(1997,9,30))',
      result: 'one row per client: Client, expected purchases (e.g. 1, 1.23)',
    },
    implementation: (args, context) => {
      const horizon = horizonArgument(numberArgument(args, 1, 'horizon'), 'horizon', false);
      const a = analyse(args, 2, context);
      return withHeader(
        a,
        [t(a, 'column.client'), t(a, 'column.expectedPurchases', { horizon, unit: a.unitLabel })],
        a.summary.clients.map((c) => [c.clientName, expectedPurchases(a.model, c, horizon)]),
      );
    },
  },
  {
    name: 'CLV',
    category: CATEGORY,
    description: {
      en: 'Discounted client lifetime value over whole months: purchase model × Gamma-Gamma spend × margin, discounted per month.',
      ru: 'Дисконтированная пожизненная ценность клиента за целые месяцы: модель покупок × модель суммы (Gamma-Gamma) × маржа.',
    },
    params: [
      TRANSACTIONS,
      {
        name: 'horizonMonths',
        type: 'integer',
        optional: true,
        unit: 'months',
        description: text('catalog.horizonMonths'),
      },
      {
        name: 'discountRate',
        type: 'number',
        optional: true,
        unit: 'ratio per month',
        description: text('catalog.discountRate'),
      },
      {
        name: 'margin',
        type: 'number',
        optional: true,
        unit: 'ratio 0..1',
        description: text('catalog.margin'),
      },
      ...COMMON,
    ],
    result: 'array',
    example: {
      formula: '=CLV(A1:C7000, 12, 0.01, 0.3, DATE(1997,9,30), , , TRUE)',
      result: 'one row per client: Client, P(active), expected purchases, expected spend, CLV',
    },
    implementation: (args, context) => {
      const months = horizonArgument(
        optionalNumberArgument(args, 1, 'horizonMonths') ?? 12,
        'horizonMonths',
        true,
      );
      const discount = optionalNumberArgument(args, 2, 'discountRate') ?? 0.01;
      const margin = optionalNumberArgument(args, 3, 'margin') ?? 1;
      const a = analyse(args, 4, context);
      const spend = fitGammaGamma(a.summary.clients).parameters;
      const forecasts = scoreClients(a.summary.clients, a.model, spend, {
        horizonPeriods: months,
        periodLength: DAYS_PER_UNIT.month / a.summary.daysPerUnit,
        discountRatePerPeriod: discount,
        marginRatio: margin,
      });
      const monthLabel = translate(modelsMessages, 'unit.month', a.locale);
      return withHeader(
        a,
        [
          t(a, 'column.client'),
          t(a, 'column.probabilityAlive'),
          t(a, 'column.expectedPurchases', { horizon: months, unit: monthLabel }),
          t(a, 'column.expectedSpend'),
          t(a, 'column.clv'),
        ],
        forecasts.map((f) => [
          f.clientName,
          f.probabilityAlive,
          f.expectedPurchases,
          f.expectedSpendPerPurchase,
          f.clv,
        ]),
      );
    },
  },
];
