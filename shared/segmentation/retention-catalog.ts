import { formatIsoDay, type CalendarDay } from '../calendar';
import {
  languageArgument,
  optionalDayArgument,
  optionalIntegerArgument,
  optionalNumberArgument,
  transactionRangeArgument,
} from '../catalog/catalog-arguments';
import type { CatalogArg, CatalogContext, CatalogFunction, CatalogScalar } from '../catalog/types';
import type { Locale } from '../i18n/translate';
import type { Transaction } from '../sheet-data/types';
import { latestPurchaseDay } from './customer-summary';
import { cohortRetention } from './cohort-retention';
import { lostClients } from './lost-clients';
import { describeRetentionAlert, retentionAlerts } from './retention-alerts';
import { retentionError } from './retention-messages';

const dataParam = {
  name: 'transactions',
  type: 'range',
  unit: 'a row per purchase, header in the first row',
  description: {
    en: 'Purchases with a header row: client, date, amount (optionally category, manager, channel).',
    ru: 'Покупки со строкой заголовков: клиент, дата, сумма (по желанию категория, менеджер, канал).',
  },
} as const;

const asOfParam = {
  name: 'asOf',
  type: 'day',
  optional: true,
  unit: 'date',
  description: {
    en: 'The first day not covered; default the day after the latest purchase.',
    ru: 'Первый день вне анализа; по умолчанию день после последней покупки.',
  },
} as const;

/**
 * Reads the range as a transaction list in the call's language (a client list cannot give these
 * analyses).
 */
function transactionsOf(
  args: readonly CatalogArg[],
  context: CatalogContext | undefined,
  locale: Locale,
): readonly Transaction[] {
  return transactionRangeArgument(args, 0, 'transactions', locale, context).transactions;
}

/** The `asOf` argument (index 1), by default the day after the latest purchase. */
function asOfOf(args: readonly CatalogArg[], transactions: readonly Transaction[]): CalendarDay {
  const given = optionalDayArgument(args, 1, 'asOf');
  if (given !== undefined) return given;
  const latest = latestPurchaseDay(transactions);
  if (latest === undefined) throw retentionError('empty_input', 'error.noPurchaseToStandOn');
  return latest + 1;
}

/** The host's language: these functions have no `language` argument. */
function hostLocale(context: CatalogContext | undefined): Locale {
  return context?.locale ?? 'en';
}

/**
 * Spreadsheet functions of the retention analyses (user guide §19; rules in §13–14). Dates in results are ISO text
 * (`YYYY-MM-DD`) and months `YYYY-MM`, so every host shows them the same way.
 */
export const retentionCatalog: readonly CatalogFunction[] = [
  {
    name: 'LOST_CLIENTS',
    category: 'retention',
    description: {
      en: 'Clients lost in the last 12 months, one row each: client, last purchase, lost on, revenue in the last year, monthly spend, value lost.',
      ru: 'Клиенты, ушедшие за последние 12 месяцев, по строке на клиента: клиент, последняя покупка, дата ухода, выручка за последний год, траты в месяц, потерянная ценность.',
    },
    params: [
      dataParam,
      asOfParam,
      {
        name: 'expectedMonths',
        type: 'number',
        optional: true,
        unit: 'months',
        description: {
          en: 'Months a lost client would have stayed; default the average lifetime of the base.',
          ru: 'Сколько месяцев ушедший клиент оставался бы; по умолчанию средняя жизнь клиента.',
        },
      },
    ],
    result: 'array',
    example: {
      formula: '=LOST_CLIENTS(A1:C15, DATE(2024,6,1), 240)',
      result: 'Ann | 2023-12-01 | 2024-03-03 | 12000 | 1000 | 240000',
    },
    implementation: (args, context) => {
      const transactions = transactionsOf(args, context, hostLocale(context));
      const asOf = asOfOf(args, transactions);
      const expected = optionalNumberArgument(args, 2, 'expectedMonths');
      const result = lostClients(transactions, {
        asOf,
        ...(expected === undefined ? {} : { expectedRemainingMonths: expected }),
      });
      return result.lostClients.map((c): CatalogScalar[] => [
        c.clientName,
        formatIsoDay(c.lastPurchaseDay),
        formatIsoDay(c.lostDay),
        c.yearlyRevenueBeforeLeaving,
        c.monthlySpend,
        c.valueLost,
      ]);
    },
  },
  {
    name: 'CHURN_RATE_PERIOD',
    category: 'retention',
    description: {
      en: 'Share of the clients active at the start of the last months who are lost now (ratio 0..1).',
      ru: 'Доля клиентов, активных в начале последних месяцев, которые ушли к дате анализа (0..1).',
    },
    params: [
      dataParam,
      asOfParam,
      {
        name: 'periodMonths',
        type: 'integer',
        optional: true,
        unit: 'months',
        description: {
          en: 'Length of the period; default 12.',
          ru: 'Длина периода; по умолчанию 12.',
        },
      },
    ],
    result: 'scalar',
    example: { formula: '=CHURN_RATE_PERIOD(A1:C15, DATE(2024,6,1))', result: '0.5' },
    implementation: (args, context) => {
      const transactions = transactionsOf(args, context, hostLocale(context));
      const asOf = asOfOf(args, transactions);
      const months = optionalIntegerArgument(args, 2, 'periodMonths');
      const { totals } = lostClients(transactions, {
        asOf,
        ...(months === undefined ? {} : { periodMonths: months }),
      });
      if (totals.churnRate === null) {
        throw retentionError('not_available', 'error.noActiveAtStart');
      }
      return totals.churnRate;
    },
  },
  {
    name: 'RETENTION_ALERTS',
    category: 'retention',
    description: {
      en: 'One row per alert: client, alert, evidence, suggested action (falling check, a regular gone quiet, a category dropped).',
      ru: 'По строке на сигнал: клиент, сигнал, факты, что сделать (падает чек, постоянный клиент пропал, перестал покупать категорию).',
    },
    params: [
      dataParam,
      asOfParam,
      {
        name: 'language',
        type: 'text',
        optional: true,
        unit: 'en or ru',
        description: {
          en: 'Language of the alert texts and messages: "en" or "ru". Default: the language of Excel or of the spreadsheet (English if it is neither).',
          ru: 'Язык текстов сигналов и сообщений: "en" или "ru". По умолчанию — язык Excel или таблицы (английский, если это другой язык).',
        },
      },
    ],
    result: 'array',
    example: {
      formula: '=RETENTION_ALERTS(A1:C4, DATE(2024,7,1))',
      result:
        'S | A regular has gone quiet | Purchases: 3, usually every 10 days; no purchase for 41 days (more than 20). | Call personally before the client is lost; remind them of their usual purchase.',
    },
    implementation: (args, context) => {
      const locale = languageArgument(args, 2, context);
      const transactions = transactionsOf(args, context, locale);
      const asOf = asOfOf(args, transactions);
      return retentionAlerts(transactions, { asOf }).map((a): CatalogScalar[] => {
        const text = describeRetentionAlert(a, locale);
        return [a.clientName, text.title, text.evidence, text.action];
      });
    },
  },
  {
    name: 'COHORT_RETENTION',
    category: 'retention',
    description: {
      en: 'Cohort matrix: a row per month of first purchase: month, clients, then the share buying in month 0, 1, 2, ...',
      ru: 'Матрица когорт: строка на месяц первой покупки: месяц, клиенты, затем доля купивших в месяце 0, 1, 2, ...',
    },
    params: [dataParam, asOfParam],
    result: 'array',
    example: {
      formula: '=COHORT_RETENTION(A1:C9, DATE(2024,4,1))',
      result: '2024-01 | 2 | 1 | 0.5 | 0.5',
    },
    implementation: (args, context) => {
      const transactions = transactionsOf(args, context, hostLocale(context));
      const asOf = asOfOf(args, transactions);
      const { cohorts } = cohortRetention(transactions, { asOf });
      const width = cohorts.reduce((w, c) => Math.max(w, c.activeShares.length), 0);
      return cohorts.map((c): CatalogScalar[] => [
        c.label,
        c.clients,
        ...Array.from({ length: width }, (_, k) => c.activeShares[k] ?? null),
      ]);
    },
  },
];
