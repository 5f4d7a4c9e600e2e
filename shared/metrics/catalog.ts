import type { CatalogArg, CatalogFunction, CatalogParam } from '../catalog/types';
import type { Cell } from '../sheet-data/types';
import { acquisitionPaybackByProfit, acquisitionPaybackByRevenue } from './acquisition-payback';
import { averageCheck, averageProfitPerSale } from './average-check';
import {
  numberArgument as num,
  optionalTextArgument,
  rangeArgument,
} from '../catalog/catalog-arguments';
import { yearlyChurnCost } from './churn-cost';
import { churnRate } from './churn-rate';
import { customerAcquisitionCost } from './customer-acquisition-cost';
import { lostClientValue } from './lost-client-value';
import { ltvSimple } from './ltv-simple';
import { LTV_PAYMENT_TIMINGS, ltvWithRetention, type LtvPaymentTiming } from './ltv-retention';
import { metricsError } from './messages';
import { netPromoterScore } from './net-promoter-score';
import { repeatPurchaseRate } from './repeat-purchases';
import { shareOfWallet } from './share-of-wallet';

const CATEGORY = 'metrics';

function param(
  name: string,
  unit: string,
  en: string,
  ru: string,
  extra: Partial<Pick<CatalogParam, 'type' | 'optional'>> = {},
): CatalogParam {
  return { name, type: extra.type ?? 'number', unit, description: { en, ru }, ...extra };
}

const newClients = param(
  'newClients',
  'clients',
  'New clients acquired in the period.',
  'Новых клиентов, привлечённых за период.',
);

const acquisitionCost = param(
  'acquisitionCost',
  'money per client',
  'CAC: cost to acquire one client.',
  'CAC: стоимость привлечения одного клиента.',
);

function timingArgument(args: readonly CatalogArg[], index: number): LtvPaymentTiming {
  const text = optionalTextArgument(args, index, 'timing')?.toLowerCase();
  if (text === undefined) return 'end-of-period-retained';
  const timing = LTV_PAYMENT_TIMINGS.find((t) => t === text);
  if (timing === undefined) {
    throw metricsError(
      'invalid_argument',
      'error.timing',
      { choices: LTV_PAYMENT_TIMINGS.join(', ') },
      { argument: 'timing' },
    );
  }
  return timing;
}

/** Answers of a range, row by row; blanks skipped; text names its cell in the range. */
function npsAnswers(args: readonly CatalogArg[]): (number | null)[] {
  const grid = rangeArgument(args, 0, 'answers');
  const answers: (number | null)[] = [];
  grid.forEach((cells, r) =>
    cells.forEach((cell: Cell, c) => {
      if (cell === null || cell === '') answers.push(null);
      else if (typeof cell === 'number') answers.push(cell);
      else {
        throw metricsError(
          'invalid_argument',
          'error.npsCell',
          { row: r + 1, column: c + 1 },
          { argument: 'answers', row: r + 1, column: c + 1 },
        );
      }
    }),
  );
  return answers;
}

/** Spreadsheet functions of this area (see `shared/catalog`). */
export const metricsCatalog: readonly CatalogFunction[] = [
  {
    name: 'CAC',
    category: CATEGORY,
    description: {
      en: 'Customer acquisition cost: marketing spend / new clients.',
      ru: 'Стоимость привлечения клиента: маркетинговые расходы / новые клиенты.',
    },
    params: [
      param(
        'marketingSpend',
        'money',
        'Marketing spend in the period.',
        'Маркетинговые расходы за период.',
      ),
      newClients,
    ],
    result: 'scalar',
    example: { formula: '=CAC(50000, 125)', result: '400' },
    implementation: (args) =>
      customerAcquisitionCost(num(args, 0, 'marketingSpend'), num(args, 1, 'newClients')),
  },
  {
    name: 'CAC_PAYBACK_REVENUE',
    category: CATEGORY,
    description: {
      en: 'Acquisition payback by revenue: (revenue from new clients / new clients) / CAC; 1 or more means paid back.',
      ru: 'Окупаемость привлечения по выручке: (выручка новых клиентов / число новых клиентов) / CAC; 1 и выше — окупилось.',
    },
    params: [
      param(
        'grossRevenue',
        'money',
        'Revenue the new clients brought.',
        'Выручка от новых клиентов.',
      ),
      newClients,
      acquisitionCost,
    ],
    result: 'scalar',
    example: { formula: '=CAC_PAYBACK_REVENUE(120000, 100, 400)', result: '3' },
    implementation: (args) =>
      acquisitionPaybackByRevenue(
        num(args, 0, 'grossRevenue'),
        num(args, 1, 'newClients'),
        num(args, 2, 'acquisitionCost'),
      ),
  },
  {
    name: 'CAC_PAYBACK_PROFIT',
    category: CATEGORY,
    description: {
      en: 'Acquisition payback by profit: (gross profit from new clients / new clients) / CAC.',
      ru: 'Окупаемость привлечения по прибыли: (валовая прибыль от новых клиентов / число новых клиентов) / CAC.',
    },
    params: [
      param(
        'grossProfit',
        'money',
        'Gross profit the new clients brought.',
        'Валовая прибыль от новых клиентов.',
      ),
      newClients,
      acquisitionCost,
    ],
    result: 'scalar',
    example: { formula: '=CAC_PAYBACK_PROFIT(30000, 100, 400)', result: '0.75' },
    implementation: (args) =>
      acquisitionPaybackByProfit(
        num(args, 0, 'grossProfit'),
        num(args, 1, 'newClients'),
        num(args, 2, 'acquisitionCost'),
      ),
  },
  {
    name: 'AVG_CHECK',
    category: CATEGORY,
    description: {
      en: 'Average check: revenue / number of sales.',
      ru: 'Средний чек: выручка / число продаж.',
    },
    params: [
      param('revenue', 'money', 'Revenue in the period.', 'Выручка за период.'),
      param(
        'salesCount',
        'sales',
        'Number of sales (checks) in the period.',
        'Число продаж (чеков) за период.',
      ),
    ],
    result: 'scalar',
    example: { formula: '=AVG_CHECK(45000, 30)', result: '1500' },
    implementation: (args) => averageCheck(num(args, 0, 'revenue'), num(args, 1, 'salesCount')),
  },
  {
    name: 'AVG_CHECK_PROFIT',
    category: CATEGORY,
    description: {
      en: 'Average check by profit: gross profit / number of sales.',
      ru: 'Средний чек по прибыли: валовая прибыль / число продаж.',
    },
    params: [
      param('profit', 'money', 'Gross profit in the period.', 'Валовая прибыль за период.'),
      param(
        'salesCount',
        'sales',
        'Number of sales (checks) in the period.',
        'Число продаж (чеков) за период.',
      ),
    ],
    result: 'scalar',
    example: { formula: '=AVG_CHECK_PROFIT(13500, 30)', result: '450' },
    implementation: (args) =>
      averageProfitPerSale(num(args, 0, 'profit'), num(args, 1, 'salesCount')),
  },
  {
    name: 'REPEAT_RATE',
    category: CATEGORY,
    description: {
      en: 'Repeat purchase rate: clients with 2 or more purchases / clients with at least one.',
      ru: 'Доля повторных покупателей: клиенты с 2 и более покупками / клиенты хотя бы с одной.',
    },
    params: [
      param(
        'repeatClients',
        'clients',
        'Clients who bought at least twice.',
        'Клиентов, купивших не меньше двух раз.',
      ),
      param(
        'buyingClients',
        'clients',
        'Clients who bought at least once.',
        'Клиентов, купивших хотя бы раз.',
      ),
    ],
    result: 'scalar',
    example: { formula: '=REPEAT_RATE(360, 1200)', result: '0.3' },
    implementation: (args) =>
      repeatPurchaseRate(num(args, 0, 'repeatClients'), num(args, 1, 'buyingClients')),
  },
  {
    name: 'LTV',
    category: CATEGORY,
    description: {
      en: 'Simple lifetime value: average check × purchases per month × margin ratio × lifetime in months.',
      ru: 'LTV по простой формуле: средний чек × покупок в месяц × маржинальность × срок жизни в месяцах.',
    },
    params: [
      param('averageCheck', 'money per purchase', 'Average check.', 'Средний чек.'),
      param(
        'purchasesPerMonth',
        'purchases per month',
        'Purchases per client per month.',
        'Покупок на клиента в месяц.',
      ),
      param(
        'marginRatio',
        'ratio 0..1',
        'Margin as a ratio, e.g. 0.4 for 40 %.',
        'Маржинальность долей, например 0,4 для 40 %.',
      ),
      param(
        'lifetimeMonths',
        'months',
        'Average client lifetime in months.',
        'Средний срок жизни клиента в месяцах.',
      ),
    ],
    result: 'scalar',
    example: { formula: '=LTV(1500, 0.5, 0.4, 18)', result: '5400' },
    implementation: (args) =>
      ltvSimple(
        num(args, 0, 'averageCheck'),
        num(args, 1, 'purchasesPerMonth'),
        num(args, 2, 'marginRatio'),
        num(args, 3, 'lifetimeMonths'),
      ),
  },
  {
    name: 'LTV_RETENTION',
    category: CATEGORY,
    description: {
      en: 'Lifetime value with retention r and discount d: m·r/(1+d−r) (Gupta & Lehmann 2003); timing "at-acquisition" gives m·(1+d)/(1+d−r), "end-of-period" m/(1+d−r).',
      ru: 'LTV с удержанием r и ставкой дисконтирования d: m·r/(1+d−r) (Gupta, Lehmann 2003); вариант "at-acquisition" даёт m·(1+d)/(1+d−r), "end-of-period" — m/(1+d−r).',
    },
    params: [
      param(
        'marginPerPeriod',
        'money per period',
        'Margin a client brings per period (usually a year).',
        'Маржа от клиента за период (обычно год).',
      ),
      param(
        'retentionRate',
        'ratio 0..1 per period',
        'Share of clients kept from one period to the next.',
        'Доля клиентов, остающихся на следующий период.',
      ),
      param(
        'discountRate',
        'ratio per period',
        'Discount rate per period, e.g. 0.12.',
        'Ставка дисконтирования за период, например 0,12.',
      ),
      param(
        'timing',
        'text',
        'When margins arrive: "end-of-period-retained" (default), "at-acquisition" or "end-of-period".',
        'Когда поступает маржа: "end-of-period-retained" (по умолчанию), "at-acquisition" или "end-of-period".',
        { type: 'text', optional: true },
      ),
    ],
    result: 'scalar',
    example: { formula: '=LTV_RETENTION(100, 0.8, 0.12)', result: '250' },
    implementation: (args) =>
      ltvWithRetention(
        num(args, 0, 'marginPerPeriod'),
        num(args, 1, 'retentionRate'),
        num(args, 2, 'discountRate'),
        timingArgument(args, 3),
      ),
  },
  {
    name: 'CHURN_RATE',
    category: CATEGORY,
    description: {
      en: 'Churn rate for a period: clients lost / clients at its start.',
      ru: 'Отток за период: ушедшие клиенты / клиенты на начало периода.',
    },
    params: [
      param(
        'lostClients',
        'clients',
        'Clients lost during the period.',
        'Клиентов ушло за период.',
      ),
      param(
        'clientsAtStart',
        'clients',
        'Clients at the start of the period.',
        'Клиентов на начало периода.',
      ),
    ],
    result: 'scalar',
    example: { formula: '=CHURN_RATE(90, 600)', result: '0.15' },
    implementation: (args) =>
      churnRate(num(args, 0, 'lostClients'), num(args, 1, 'clientsAtStart')),
  },
  {
    name: 'CHURN_COST',
    category: CATEGORY,
    description: {
      en: 'Yearly cost of churn: clients lost per year × yearly value of one client.',
      ru: 'Годовая стоимость оттока: клиентов ушло за год × годовая ценность клиента.',
    },
    params: [
      param(
        'lostClientsPerYear',
        'clients per year',
        'Clients lost in a year.',
        'Клиентов уходит за год.',
      ),
      param(
        'yearlyValuePerClient',
        'money per year',
        'What one client brings in a year.',
        'Сколько приносит один клиент за год.',
      ),
    ],
    result: 'scalar',
    example: { formula: '=CHURN_COST(90, 12000)', result: '1080000' },
    implementation: (args) =>
      yearlyChurnCost(num(args, 0, 'lostClientsPerYear'), num(args, 1, 'yearlyValuePerClient')),
  },
  {
    name: 'LOST_CLIENT_VALUE',
    category: CATEGORY,
    description: {
      en: 'Value lost with one client: monthly spend × expected remaining months.',
      ru: 'Потери от ухода одного клиента: траты в месяц × ожидаемое число оставшихся месяцев.',
    },
    params: [
      param(
        'monthlySpend',
        'money per month',
        'What the client spends per month.',
        'Сколько клиент тратит в месяц.',
      ),
      param(
        'expectedRemainingMonths',
        'months',
        'Months the client would have stayed.',
        'Сколько месяцев клиент ещё оставался бы.',
      ),
    ],
    result: 'scalar',
    example: { formula: '=LOST_CLIENT_VALUE(1000, 240)', result: '240000' },
    implementation: (args) =>
      lostClientValue(num(args, 0, 'monthlySpend'), num(args, 1, 'expectedRemainingMonths')),
  },
  {
    name: 'NPS',
    category: CATEGORY,
    description: {
      en: 'Net Promoter Score from 0–10 answers: % promoters (9–10) − % detractors (0–6).',
      ru: 'Индекс NPS по ответам 0–10: % промоутеров (9–10) − % критиков (0–6).',
    },
    params: [
      param(
        'answers',
        'answers 0..10',
        'Range of answers; blanks are skipped.',
        'Диапазон ответов; пустые ячейки пропускаются.',
        { type: 'range' },
      ),
    ],
    result: 'scalar',
    example: { formula: '=NPS({10,9,8,7,6,0,10,9,3,10})', result: '20' },
    implementation: (args) => netPromoterScore(npsAnswers(args)).score,
  },
  {
    name: 'SHARE_OF_WALLET',
    category: CATEGORY,
    description: {
      en: "Share of wallet: your sales to a client / the client's total purchases of that kind.",
      ru: 'Доля кошелька: ваши продажи клиенту / все его покупки такого рода.',
    },
    params: [
      param('yourSales', 'money', 'Your sales to the client.', 'Ваши продажи клиенту.'),
      param(
        'clientTotalPurchases',
        'money',
        'All the client’s purchases of that kind, from anyone.',
        'Все покупки клиента такого рода у всех продавцов.',
      ),
    ],
    result: 'scalar',
    example: { formula: '=SHARE_OF_WALLET(30000, 120000)', result: '0.25' },
    implementation: (args) =>
      shareOfWallet(num(args, 0, 'yourSales'), num(args, 1, 'clientTotalPurchases')),
  },
];
