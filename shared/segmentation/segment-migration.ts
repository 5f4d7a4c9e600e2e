import { addMonths, type CalendarDay } from '../calendar';
import { AnalyticsError } from '../errors';
import type { Transaction } from '../sheet-data/types';
import { ABC_CLASSES, type AbcClass } from './abc-classes';
import { assertDay, compareText } from './client-histories';
import { clientSegments, type ClientSegments, type SegmentationOptions } from './client-segments';
import { RFM_SEGMENTS, type RfmSegment } from './rfm-segments';
import { XYZ_CLASSES, type XyzClass } from './xyz-classes';

/** The rows a period sees: `fromDay ≤ day < asOf` (every row before asOf without `fromDay`). */
export interface MigrationPeriod {
  readonly asOf: CalendarDay;
  readonly fromDay?: CalendarDay;
}

export interface SegmentMigrationOptions extends SegmentationOptions {
  readonly previous: MigrationPeriod;
  readonly current: MigrationPeriod;
  /**
   * RFM segments that count as slipping: a client moving into one of them from a segment outside
   * them has slid down. Default about_to_sleep, at_risk, cannot_lose, hibernating, lost.
   */
  readonly slippingSegments?: readonly RfmSegment[];
}

export const DEFAULT_SLIPPING_SEGMENTS: readonly RfmSegment[] = [
  'about_to_sleep',
  'at_risk',
  'cannot_lose',
  'hibernating',
  'lost',
];

export type MigrationDimension = 'abc' | 'xyz' | 'rfm';

/** counts[i][j]: clients in state i in the previous period and state j in the current one. */
export interface TransitionMatrix<S extends string> {
  readonly dimension: MigrationDimension;
  /** Row and column order: ABC A, B, C; XYZ X, Y, Z; RFM segments best to worst. */
  readonly states: readonly S[];
  readonly counts: readonly (readonly number[])[];
  /** The client keys behind each cell, sorted. */
  readonly clientKeys: readonly (readonly (readonly string[])[])[];
}

export interface SegmentMove {
  readonly clientKey: string;
  readonly clientName: string;
  readonly dimension: MigrationDimension;
  readonly from: string;
  readonly to: string;
}

export interface SegmentMigrationResult {
  readonly previous: MigrationPeriod;
  readonly current: MigrationPeriod;
  /** Clients with rows in both periods: the clients the matrices hold. */
  readonly clientsInBoth: number;
  /** Clients seen only in the previous period (gone), by key. */
  readonly onlyPrevious: readonly string[];
  /** Clients seen only in the current period (new), by key. */
  readonly onlyCurrent: readonly string[];
  readonly abc: TransitionMatrix<AbcClass>;
  readonly xyz: TransitionMatrix<XyzClass>;
  readonly rfm: TransitionMatrix<RfmSegment>;
  /** B or C → A. */
  readonly movedUpToA: readonly SegmentMove[];
  /** Y or Z → X. */
  readonly movedUpToX: readonly SegmentMove[];
  /** A → B/C, B → C, X → Y/Z, Y → Z, and into a slipping RFM segment from outside them. */
  readonly slidDown: readonly SegmentMove[];
}

const ABC_STATES = ABC_CLASSES;
const XYZ_STATES = XYZ_CLASSES;

/**
 * Periods for "the last `months` months against the `months` before": current rows on
 * [asOf − months, asOf), previous rows on [asOf − 2 × months, asOf − months), calendar months.
 *
 * @param asOf first day not covered (CalendarDay). @param months whole months ≥ 1.
 * @throws AnalyticsError `invalid_argument` for a bad day or month count.
 * @example lastMonthsPeriods(2024-07-01, 6) → previous 2023-07-01..2024-01-01, current
 *   2024-01-01..2024-07-01 (end days excluded).
 */
export function lastMonthsPeriods(
  asOf: CalendarDay,
  months: number,
): { previous: MigrationPeriod; current: MigrationPeriod } {
  assertDay(asOf, 'asOf');
  if (!Number.isInteger(months) || months < 1) {
    throw new AnalyticsError('invalid_argument', 'months must be a whole number of at least 1.', {
      months,
    });
  }
  const middle = addMonths(asOf, -months);
  return {
    previous: { fromDay: addMonths(asOf, -2 * months), asOf: middle },
    current: { fromDay: middle, asOf },
  };
}

/**
 * How clients moved between ABC classes, XYZ classes and RFM segments from one period to the next
 * (user guide §15, Migration between two periods). Each period is segmented on its own rows with
 * the rules of user guide §3–7 (`summariseCustomers`,
 * `abcClasses`, `xyzClasses`, `rfmScores`, `rfmSegment`), so with two as-of days and no `fromDay`
 * it compares the base then and now, and with `lastMonthsPeriods` it compares two windows. The
 * matrices hold exactly the clients with rows in both periods (every such client lands in one
 * cell of each matrix); the others are listed as gone or new.
 *
 * @param transactions normalised rows; order does not matter.
 * @throws AnalyticsError `invalid_argument` for a bad day, a previous as-of day after the current
 *   one, or a segmentation option the segmentation functions reject.
 * @example a client that is the only buyer in both periods is A → A, and a second client that
 *   outspends it later moves it to B: `slidDown` lists it as abc A → B (see the tests).
 */
export function segmentMigration(
  transactions: readonly Transaction[],
  options: SegmentMigrationOptions,
): SegmentMigrationResult {
  const { previous, current } = options;
  for (const [name, p] of [
    ['previous', previous],
    ['current', current],
  ] as const) {
    assertDay(p.asOf, `${name}.asOf`);
    if (p.fromDay !== undefined) assertDay(p.fromDay, `${name}.fromDay`);
  }
  if (previous.asOf > current.asOf) {
    throw new AnalyticsError(
      'invalid_argument',
      'The previous period must end no later than the current one.',
    );
  }
  const before = indexByKey(clientSegments(transactions, previous.asOf, previous.fromDay, options));
  const after = clientSegments(transactions, current.asOf, current.fromDay, options);
  const slipping = new Set(options.slippingSegments ?? DEFAULT_SLIPPING_SEGMENTS);

  const abc = emptyMatrix('abc', ABC_STATES);
  const xyz = emptyMatrix('xyz', XYZ_STATES);
  const rfm = emptyMatrix('rfm', RFM_SEGMENTS);
  const movedUpToA: SegmentMove[] = [];
  const movedUpToX: SegmentMove[] = [];
  const slidDown: SegmentMove[] = [];
  const onlyCurrent: string[] = [];
  let clientsInBoth = 0;
  for (const now of after) {
    const key = now.summary.clientKey;
    const then = before.get(key);
    if (!then) {
      onlyCurrent.push(key);
      continue;
    }
    before.delete(key);
    clientsInBoth += 1;
    place(abc, then.abcClass, now.abcClass, key);
    place(xyz, then.xyzClass, now.xyzClass, key);
    place(rfm, then.segment, now.segment, key);
    const move = (dimension: MigrationDimension, from: string, to: string): SegmentMove => ({
      clientKey: key,
      clientName: now.summary.clientName,
      dimension,
      from,
      to,
    });
    const abcRise = ABC_STATES.indexOf(then.abcClass) - ABC_STATES.indexOf(now.abcClass);
    if (now.abcClass === 'A' && abcRise > 0) movedUpToA.push(move('abc', then.abcClass, 'A'));
    if (abcRise < 0) slidDown.push(move('abc', then.abcClass, now.abcClass));
    const xyzRise = XYZ_STATES.indexOf(then.xyzClass) - XYZ_STATES.indexOf(now.xyzClass);
    if (now.xyzClass === 'X' && xyzRise > 0) movedUpToX.push(move('xyz', then.xyzClass, 'X'));
    if (xyzRise < 0) slidDown.push(move('xyz', then.xyzClass, now.xyzClass));
    if (slipping.has(now.segment) && !slipping.has(then.segment)) {
      slidDown.push(move('rfm', then.segment, now.segment));
    }
  }
  return {
    previous,
    current,
    clientsInBoth,
    onlyPrevious: [...before.keys()].sort(compareText),
    onlyCurrent,
    // Summaries come sorted by key, so each cell's keys are sorted too.
    abc,
    xyz,
    rfm,
    movedUpToA,
    movedUpToX,
    slidDown,
  };
}

function indexByKey(segments: readonly ClientSegments[]): Map<string, ClientSegments> {
  return new Map(segments.map((s) => [s.summary.clientKey, s]));
}

interface MutableMatrix<S extends string> {
  dimension: MigrationDimension;
  states: readonly S[];
  counts: number[][];
  clientKeys: string[][][];
}

function emptyMatrix<S extends string>(
  dimension: MigrationDimension,
  states: readonly S[],
): MutableMatrix<S> {
  return {
    dimension,
    states,
    counts: states.map(() => states.map(() => 0)),
    clientKeys: states.map(() => states.map((): string[] => [])),
  };
}

function place<S extends string>(m: MutableMatrix<S>, from: S, to: S, key: string): void {
  const i = m.states.indexOf(from);
  const j = m.states.indexOf(to);
  const row = m.counts[i];
  const cell = m.clientKeys[i]?.[j];
  if (!row || !cell) throw new AnalyticsError('invalid_argument', `Unknown state ${from}/${to}.`);
  row[j] = (row[j] ?? 0) + 1;
  cell.push(key);
}
