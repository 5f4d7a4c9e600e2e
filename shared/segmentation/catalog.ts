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
  optionalBooleanArgument,
  optionalDayArgument,
  transactionRangeArgument,
} from '../catalog/catalog-arguments';
import type { Transaction } from '../sheet-data/types';
import { abcClasses } from './abc-classes';
import { summariseCustomers, type CustomerSummary } from './customer-summary';
import { segmentationMessages, type SegmentationMessageId } from './messages';
import { rfmScores } from './rfm-scores';
import { rfmSegment } from './rfm-segments';
import { segmentInfo } from './segment-info';
import { xyzClasses } from './xyz-classes';

const CATEGORY = 'segmentation';

/** The parameters every segmentation function takes, in this order. */
const RANGE_PARAMS: readonly CatalogParam[] = [
  {
    name: 'transactions',
    type: 'range',
    unit: 'rows of purchases',
    description: {
      en: 'Purchases with a header row: client, date, amount (order id, profit optional).',
      ru: 'Покупки со строкой заголовков: клиент, дата, сумма (номер заказа, прибыль — по желанию).',
    },
  },
  {
    name: 'asOf',
    type: 'day',
    optional: true,
    unit: 'date',
    description: {
      en: 'The date to analyse as of; rows on or after it are left out. Default: the day after the last purchase.',
      ru: 'Дата, на которую считать; строки с этой даты и позже не учитываются. По умолчанию — день после последней покупки.',
    },
  },
  {
    name: 'withHeader',
    type: 'boolean',
    optional: true,
    description: {
      en: 'TRUE to put a header row above the results. Default FALSE.',
      ru: 'ИСТИНА, чтобы вывести строку заголовков над результатом. По умолчанию ЛОЖЬ.',
    },
  },
  {
    name: 'language',
    type: 'text',
    optional: true,
    description: {
      en: 'Language of headers, segment names and messages: "en" or "ru". Default: the language of Excel or of the spreadsheet (English if it is neither).',
      ru: 'Язык заголовков, названий сегментов и сообщений: "en" или "ru". По умолчанию — язык Excel или таблицы (английский, если это другой язык).',
    },
  },
];

interface RangeAnalysis {
  readonly summaries: CustomerSummary[];
  readonly transactions: readonly Transaction[];
  readonly withHeader: boolean;
  readonly locale: Locale;
}

/** Decodes the common arguments and summarises the range's transactions. */
function analyseRange(args: readonly CatalogArg[], context?: CatalogContext): RangeAnalysis {
  const locale: Locale = languageArgument(args, 3, context);
  const asOf: CalendarDay | undefined = optionalDayArgument(args, 1, 'asOf');
  const read = transactionRangeArgument(args, 0, 'transactions', locale, context);
  const summaries = summariseCustomers(read.transactions, asOf === undefined ? {} : { asOf });
  return {
    summaries,
    transactions: read.transactions,
    withHeader: optionalBooleanArgument(args, 2, 'withHeader') ?? false,
    locale,
  };
}

function output(
  analysis: RangeAnalysis,
  headerIds: readonly SegmentationMessageId[],
  rows: CatalogScalar[][],
): CatalogScalar[][] {
  if (!analysis.withHeader) return rows;
  const header = headerIds.map((id) => translate(segmentationMessages, id, analysis.locale));
  return [header, ...rows];
}

/** Spreadsheet functions of this area (see `shared/catalog`). */
export const segmentationCatalog: readonly CatalogFunction[] = [
  {
    name: 'RFM',
    category: CATEGORY,
    description: {
      en: 'RFM scores per client (1-5 each: recency, frequency, money; ties share a score) and the RFM cell.',
      ru: 'RFM-оценки клиентов (1–5 по давности, частоте и сумме; равные значения — равная оценка) и RFM-ячейка.',
    },
    params: RANGE_PARAMS,
    result: 'array',
    example: {
      formula: '=RFM(A1:C100, DATE(2024,6,1), TRUE)',
      result: 'one row per client: Client, R, F, M, RFM (e.g. Ann, 5, 4, 5, "545")',
    },
    implementation: (args, context) => {
      const analysis = analyseRange(args, context);
      const scores = rfmScores(analysis.summaries);
      return output(
        analysis,
        [
          'column.client',
          'column.recencyScore',
          'column.frequencyScore',
          'column.monetaryScore',
          'column.rfmCell',
        ],
        analysis.summaries.map((s, i) => {
          const score = scores[i];
          return [
            s.clientName,
            score?.recencyScore ?? null,
            score?.frequencyScore ?? null,
            score?.monetaryScore ?? null,
            score?.rfmCell ?? null,
          ];
        }),
      );
    },
  },
  {
    name: 'SEGMENT',
    category: CATEGORY,
    description: {
      en: 'RFM segment per client (champions, loyal, at risk, ...) by the standard 125-cell map.',
      ru: 'RFM-сегмент клиента (чемпионы, лояльные, под угрозой, ...) по стандартной карте из 125 ячеек.',
    },
    params: RANGE_PARAMS,
    result: 'array',
    example: {
      formula: '=SEGMENT(A1:C100, DATE(2024,6,1), TRUE, "en")',
      result: 'one row per client: Client, Segment, RFM (e.g. Ann, Champions, "545")',
    },
    implementation: (args, context) => {
      const analysis = analyseRange(args, context);
      const scores = rfmScores(analysis.summaries);
      return output(
        analysis,
        ['column.client', 'column.segment', 'column.rfmCell'],
        analysis.summaries.map((s, i) => {
          const cell = scores[i]?.rfmCell ?? '111';
          return [s.clientName, segmentInfo(rfmSegment(cell)).name[analysis.locale], cell];
        }),
      );
    },
  },
  {
    name: 'ABC',
    category: CATEGORY,
    description: {
      en: 'ABC class per client by revenue: A up to 80 % of revenue, B to 95 %, C the rest; with revenue and its share.',
      ru: 'ABC-класс клиента по выручке: A — первые 80 % выручки, B — до 95 %, C — остальные; с выручкой и её долей.',
    },
    params: RANGE_PARAMS,
    result: 'array',
    example: {
      formula: '=ABC(A1:C100, , TRUE)',
      result: 'one row per client: Client, ABC, Revenue, Revenue share (e.g. Ann, A, 52000, 0.12)',
    },
    implementation: (args, context) => {
      const analysis = analyseRange(args, context);
      const classes = abcClasses(analysis.summaries);
      return output(
        analysis,
        ['column.client', 'column.abcClass', 'column.totalRevenue', 'column.revenueShare'],
        analysis.summaries.map((s, i) => {
          const abc = classes[i];
          return [s.clientName, abc?.abcClass ?? null, s.totalRevenue, abc?.revenueShare ?? null];
        }),
      );
    },
  },
  {
    name: 'XYZ',
    category: CATEGORY,
    description: {
      en: 'XYZ class per client by regularity of monthly revenue: X if CV ≤ 0.5, Y if ≤ 1, else Z (also Z with fewer than 2 purchases).',
      ru: 'XYZ-класс клиента по регулярности выручки по месяцам: X при CV ≤ 0,5, Y при ≤ 1, иначе Z (и Z при менее чем 2 покупках).',
    },
    params: RANGE_PARAMS,
    result: 'array',
    example: {
      formula: '=XYZ(A1:C100, DATE(2024,5,1), TRUE)',
      result: 'one row per client: Client, XYZ, CV (e.g. Ann, Y, 0.71; blank CV when not computed)',
    },
    implementation: (args, context) => {
      const analysis = analyseRange(args, context);
      const classes = xyzClasses(analysis.transactions, analysis.summaries);
      return output(
        analysis,
        ['column.client', 'column.xyzClass', 'column.coefficientOfVariation'],
        analysis.summaries.map((s, i) => {
          const xyz = classes[i];
          return [s.clientName, xyz?.xyzClass ?? null, xyz?.coefficientOfVariation ?? null];
        }),
      );
    },
  },
];
