import type { LocalizedText } from '../i18n';
import { AnalyticsError } from '../errors';
import { segmentationMessages } from './messages';
import { RFM_SEGMENTS, type RfmSegment } from './rfm-segments';

/** What a report shows about a segment. */
export interface SegmentInfo {
  readonly segment: RfmSegment;
  readonly name: LocalizedText;
  /** One line: who these clients are. */
  readonly meaning: LocalizedText;
  /** One line: what to do with them. */
  readonly action: LocalizedText;
  /** Fill colour for reports, `#RRGGBB` (light tints, so black text stays readable). */
  readonly color: string;
}

/** Light fills from green (best) through yellow and orange to red and grey (worst). */
const SEGMENT_COLORS: Readonly<Record<RfmSegment, string>> = {
  champions: '#63BE7B',
  loyal: '#9BD3A4',
  potential_loyalist: '#C6E5B3',
  new: '#BDD7EE',
  promising: '#DDEBF7',
  need_attention: '#FFE699',
  about_to_sleep: '#FFD966',
  at_risk: '#F4B183',
  cannot_lose: '#F8CBAD',
  hibernating: '#D9D9D9',
  lost: '#BFBFBF',
};

/**
 * Name, meaning, suggested action (en + ru) and report colour of an RFM segment. Texts live in
 * `messages.ts`. Throws `AnalyticsError('invalid_argument')` for an unknown segment key.
 *
 * Example: `segmentInfo('champions').name.ru` is `'Чемпионы'`; its colour is `'#63BE7B'`.
 */
export function segmentInfo(segment: RfmSegment): SegmentInfo {
  if (!RFM_SEGMENTS.includes(segment)) {
    throw new AnalyticsError('invalid_argument', `Unknown RFM segment "${String(segment)}".`);
  }
  return {
    segment,
    name: segmentationMessages[`segment.${segment}.name`],
    meaning: segmentationMessages[`segment.${segment}.meaning`],
    action: segmentationMessages[`segment.${segment}.action`],
    color: SEGMENT_COLORS[segment],
  };
}
