import { AnalyticsError } from '../errors';
import type { RfmScore } from './rfm-scores';

/** Stable segment keys (used in JSON and as message ids). */
export type RfmSegment =
  | 'champions'
  | 'loyal'
  | 'potential_loyalist'
  | 'new'
  | 'promising'
  | 'need_attention'
  | 'about_to_sleep'
  | 'at_risk'
  | 'cannot_lose'
  | 'hibernating'
  | 'lost';

/** The segments from best to worst, the order reports list them in. */
export const RFM_SEGMENTS: readonly RfmSegment[] = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cannot_lose',
  'hibernating',
  'lost',
];

/** Segment → the RFM cells (`'545'`: recency, frequency, monetary) it holds. */
export type RfmSegmentMap = Readonly<Record<RfmSegment, readonly string[]>>;

/**
 * The default map of the 125 RFM cells to 11 segments, exactly as user guide §5, RFM segments, lists it
 * (the widely used 11-segment RFM scheme). Users may pass their own map to `rfmSegment`.
 */
// prettier-ignore
export const DEFAULT_RFM_SEGMENT_MAP: RfmSegmentMap = {
  champions: ['555', '554', '544', '545', '454', '455', '445'],
  loyal: ['543', '444', '435', '355', '354', '345', '344', '335'],
  potential_loyalist: [
    '553', '551', '552', '541', '542', '533', '532', '531', '452', '451', '442', '441',
    '431', '453', '433', '432', '423', '353', '352', '351', '342', '341', '333', '323',
  ],
  new: ['512', '511', '422', '421', '412', '411', '311'],
  promising: [
    '525', '524', '523', '522', '521', '515', '514', '513', '425', '424', '413', '414',
    '415', '315', '314', '313',
  ],
  need_attention: ['535', '534', '443', '434', '343', '334', '325', '324'],
  about_to_sleep: ['331', '321', '312', '221', '213'],
  at_risk: [
    '255', '254', '245', '244', '253', '252', '243', '242', '235', '234', '225', '224',
    '153', '152', '145', '143', '142', '135', '134', '133', '125', '124',
  ],
  cannot_lose: ['155', '154', '144', '214', '215', '115', '114', '113'],
  hibernating: [
    '332', '322', '231', '241', '251', '233', '232', '223', '222', '132', '123', '122',
    '212', '211',
  ],
  lost: ['111', '112', '121', '131', '141', '151'],
};

/** Every RFM cell '111' … '555' in ascending order (125 cells). */
export const ALL_RFM_CELLS: readonly string[] = (() => {
  const cells: string[] = [];
  for (let r = 1; r <= 5; r += 1)
    for (let f = 1; f <= 5; f += 1) for (let m = 1; m <= 5; m += 1) cells.push(`${r}${f}${m}`);
  return cells;
})();

const lookups = new WeakMap<RfmSegmentMap, ReadonlyMap<string, RfmSegment>>();

/**
 * Checks that `map` assigns each of the 125 cells to exactly one known segment and returns the
 * cell → segment lookup. Throws `AnalyticsError('invalid_argument')` whose message names every
 * missing, duplicated or malformed cell and unknown segment (details: `missing`, `duplicate`,
 * `invalid`, `unknownSegments`).
 *
 * Example: `validateRfmSegmentMap(DEFAULT_RFM_SEGMENT_MAP).get('545')` is `'champions'`.
 */
export function validateRfmSegmentMap(map: RfmSegmentMap): ReadonlyMap<string, RfmSegment> {
  const cached = lookups.get(map);
  if (cached) return cached;
  const lookup = new Map<string, RfmSegment>();
  const duplicate: string[] = [];
  const invalid: string[] = [];
  const known = new Set<string>(RFM_SEGMENTS);
  const unknownSegments = Object.keys(map).filter((k) => !known.has(k));
  for (const segment of RFM_SEGMENTS) {
    for (const cell of map[segment] ?? []) {
      if (!/^[1-5]{3}$/.test(cell)) invalid.push(String(cell));
      else if (lookup.has(cell)) duplicate.push(cell);
      else lookup.set(cell, segment);
    }
  }
  const missing = ALL_RFM_CELLS.filter((cell) => !lookup.has(cell));
  if (missing.length + duplicate.length + invalid.length + unknownSegments.length > 0) {
    const parts: string[] = [];
    if (missing.length > 0) parts.push(`missing cells: ${missing.join(', ')}`);
    if (duplicate.length > 0) parts.push(`cells listed more than once: ${duplicate.join(', ')}`);
    if (invalid.length > 0) parts.push(`not RFM cells: ${invalid.join(', ')}`);
    if (unknownSegments.length > 0) parts.push(`unknown segments: ${unknownSegments.join(', ')}`);
    throw new AnalyticsError(
      'invalid_argument',
      `The RFM segment map must list each of the 125 cells exactly once (${parts.join('; ')}).`,
      { missing, duplicate, invalid, unknownSegments },
    );
  }
  lookups.set(map, lookup);
  return lookup;
}

/**
 * The segment of an RFM cell (`'545'` or an `RfmScore`) under `map` (default
 * `DEFAULT_RFM_SEGMENT_MAP`). Throws `AnalyticsError('invalid_argument')` for a cell that is not
 * three digits 1..5, or for an invalid map (see `validateRfmSegmentMap`).
 *
 * Example: `rfmSegment('545')` is `'champions'`; `rfmSegment('111')` is `'lost'`.
 */
export function rfmSegment(
  cell: string | Pick<RfmScore, 'rfmCell'>,
  map: RfmSegmentMap = DEFAULT_RFM_SEGMENT_MAP,
): RfmSegment {
  const key = typeof cell === 'string' ? cell : cell.rfmCell;
  const segment = validateRfmSegmentMap(map).get(key);
  if (segment === undefined) {
    throw new AnalyticsError('invalid_argument', `"${key}" is not an RFM cell (three digits 1-5).`);
  }
  return segment;
}
