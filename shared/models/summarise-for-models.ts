import type { CalendarDay } from '../calendar';
import { formatIsoDay } from '../calendar';
import type { Transaction } from '../sheet-data/types';
import { modelsError } from './messages';
import type { ModelClientRow, TimeUnit } from './types';
import { DAYS_PER_UNIT } from './types';

export interface SummariseForModelsOptions {
  /** Last day of the calibration period (purchases on this day are calibration purchases). */
  readonly calibrationEnd: CalendarDay;
  /** Last day of the holdout period (purchases after `calibrationEnd` up to this day, inclusive). */
  readonly holdoutEnd?: CalendarDay;
  /** Time unit of t_x and T. */
  readonly unit: TimeUnit;
}

export interface ModelSummary {
  readonly unit: TimeUnit;
  readonly daysPerUnit: number;
  readonly calibrationEnd: CalendarDay;
  readonly holdoutEnd?: CalendarDay;
  /** Holdout length in model time units, when a holdout end is given. */
  readonly holdoutLength?: number;
  /** One row per client whose first purchase is on or before the calibration end, by first purchase then key. */
  readonly clients: readonly ModelClientRow[];
  /** Clients whose first purchase is after the calibration end: not in the model. */
  readonly clientsFirstSeenLater: number;
  /** Rows with a negative amount (refunds): not purchases, left out. */
  readonly nonPurchaseRows: number;
}

/**
 * The per-client inputs of BG/NBD, Pareto/NBD and Gamma-Gamma from a transaction list.
 *
 * Definitions (Fader, Hardie & Lee 2005, §2; the CDNOW summary files of the `lifetimes` library,
 * see `shared/data/cdnow/SOURCE.md`): a purchase is a transaction with amount >= 0 (a refund,
 * amount < 0, is not a purchase; a zero-value order still is a purchase, as in the CDNOW data); a client's purchases on one calendar day merge into one purchase
 * whose value is their sum. For each client with a first purchase on or before `calibrationEnd`:
 * - `x` = purchase days after the first, up to `calibrationEnd` inclusive;
 * - `t_x` = (last calibration purchase day - first purchase day) / days per unit;
 * - `T` = (calibrationEnd - first purchase day) / days per unit;
 * - `meanRepeatValue` = mean value of the x repeat purchase days (0 when x = 0);
 * - `holdoutRepeatCount` = purchase days in (calibrationEnd, holdoutEnd].
 * Units: a week is 7 days, a month 30.4375 days. Money in the sheet's currency.
 * @throws AnalyticsError `empty_input` when no client starts by the calibration end;
 *   `invalid_argument` when holdoutEnd <= calibrationEnd.
 * Example: purchases on days 0, 0 (same day), 14 and 30 with calibration end 21 in weeks give
 * x = 1, t_x = 2, T = 3, holdoutRepeatCount = 1 with holdout end 35.
 */
export function summariseForModels(
  transactions: readonly Transaction[],
  options: SummariseForModelsOptions,
): ModelSummary {
  const { calibrationEnd, holdoutEnd, unit } = options;
  if (holdoutEnd !== undefined && !(holdoutEnd > calibrationEnd)) {
    throw modelsError('invalid_argument', 'error.holdoutBeforeCalibration', {
      holdoutEnd: formatIsoDay(holdoutEnd),
      calibrationEnd: formatIsoDay(calibrationEnd),
    });
  }
  const lastDay = holdoutEnd ?? calibrationEnd;
  const daysPerUnit = DAYS_PER_UNIT[unit];
  // client -> (day -> summed value)
  const byClient = new Map<string, { name: string; days: Map<number, number> }>();
  let nonPurchaseRows = 0;
  for (const t of transactions) {
    if (!(t.amount >= 0)) {
      nonPurchaseRows++;
      continue;
    }
    let client = byClient.get(t.clientKey);
    if (!client) {
      client = { name: t.clientName, days: new Map() };
      byClient.set(t.clientKey, client);
    }
    client.days.set(t.day, (client.days.get(t.day) ?? 0) + t.amount);
  }
  const clients: ModelClientRow[] = [];
  let clientsFirstSeenLater = 0;
  for (const [clientKey, { name, days }] of byClient) {
    const sortedDays = [...days.keys()].sort((p, q) => p - q);
    const first = sortedDays[0] as number;
    if (first > calibrationEnd) {
      clientsFirstSeenLater++;
      continue;
    }
    let x = 0;
    let last = first;
    let repeatValue = 0;
    let holdout = 0;
    for (let i = 1; i < sortedDays.length; i++) {
      const day = sortedDays[i] as number;
      if (day <= calibrationEnd) {
        x++;
        last = day;
        repeatValue += days.get(day) as number;
      } else if (day <= lastDay) {
        holdout++;
      }
    }
    const row: ModelClientRow = {
      clientKey,
      clientName: name,
      firstPurchaseDay: first,
      lastCalibrationPurchaseDay: last,
      x,
      t_x: (last - first) / daysPerUnit,
      T: (calibrationEnd - first) / daysPerUnit,
      meanRepeatValue: x > 0 ? repeatValue / x : 0,
      ...(holdoutEnd !== undefined ? { holdoutRepeatCount: holdout } : {}),
    };
    clients.push(row);
  }
  if (clients.length === 0) {
    throw modelsError('empty_input', 'error.noClients', {
      calibrationEnd: formatIsoDay(calibrationEnd),
    });
  }
  clients.sort((p, q) =>
    p.firstPurchaseDay !== q.firstPurchaseDay
      ? p.firstPurchaseDay - q.firstPurchaseDay
      : p.clientKey < q.clientKey
        ? -1
        : p.clientKey > q.clientKey
          ? 1
          : 0,
  );
  return {
    unit,
    daysPerUnit,
    calibrationEnd,
    ...(holdoutEnd !== undefined
      ? { holdoutEnd, holdoutLength: (holdoutEnd - calibrationEnd) / daysPerUnit }
      : {}),
    clients,
    clientsFirstSeenLater,
    nonPurchaseRows,
  };
}
