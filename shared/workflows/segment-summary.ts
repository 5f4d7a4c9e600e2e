import type { Locale } from '../i18n/translate';
import { RFM_SEGMENTS } from '../segmentation/rfm-segments';
import { segmentInfo } from '../segmentation/segment-info';
import type { WorkflowClientResult, WorkflowRead } from './workflow-core';

/** Client names shown per segment after a run. */
export const EXAMPLES_PER_SEGMENT = 3;

/** One RFM segment as a UI lists it after a run (plain data, JSON-safe). */
export interface SegmentSummary {
  /** Stable segment key, e.g. `champions`. */
  readonly segment: string;
  /** Localised segment name. */
  readonly name: string;
  /** Number of clients in the segment. */
  readonly clients: number;
  readonly meaning: string;
  readonly action: string;
  /** `#RRGGBB` */
  readonly color: string;
  /** The first few client names of the segment, as first spelled in the sheet. */
  readonly examples: readonly string[];
}

/**
 * Segment sizes with their meaning, suggested action and the first `EXAMPLES_PER_SEGMENT` client
 * names, in the core's segment order (`RFM_SEGMENTS`); segments without clients are left out and
 * clients without a segment are not counted. `names` maps a client key to its display name (a key
 * without one is shown as is).
 *
 * Example: clients `anna` (champions), `boris` (lost), `vera` (champions) give two lines,
 * champions with 2 clients and examples `Anna, vera` when only `anna` has a name (checked in
 * test/shared/workflows).
 */
export function segmentSummaries(
  clients: readonly WorkflowClientResult[],
  names: ReadonlyMap<string, string>,
  locale: Locale,
): SegmentSummary[] {
  const counts = new Map<string, number>();
  const examples = new Map<string, string[]>();
  for (const c of clients) {
    if (c.segment === undefined) continue;
    counts.set(c.segment, (counts.get(c.segment) ?? 0) + 1);
    const list = examples.get(c.segment) ?? [];
    if (list.length < EXAMPLES_PER_SEGMENT) list.push(names.get(c.clientKey) ?? c.clientKey);
    examples.set(c.segment, list);
  }
  const lines: SegmentSummary[] = [];
  for (const segment of RFM_SEGMENTS) {
    const clientsInSegment = counts.get(segment);
    if (clientsInSegment === undefined) continue;
    const info = segmentInfo(segment);
    lines.push({
      segment,
      name: info.name[locale],
      clients: clientsInSegment,
      meaning: info.meaning[locale],
      action: info.action[locale],
      color: info.color,
      examples: examples.get(segment) ?? [],
    });
  }
  return lines;
}

/** Client key → the first spelling of the name seen in the sheet, in row order. */
export function clientNamesOf(read: WorkflowRead): Map<string, string> {
  const names = new Map<string, string>();
  const rows = read.shape === 'transactions' ? read.transactions : read.clients;
  for (const row of rows) if (!names.has(row.clientKey)) names.set(row.clientKey, row.clientName);
  return names;
}
