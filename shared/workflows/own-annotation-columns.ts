import { LOCALES } from '../i18n/translate';
import { uiMessages } from '../i18n/ui-messages';

/** The message ids of every header annotate mode writes (see `annotationColumns`). */
const ANNOTATION_HEADER_IDS = [
  'annotateSegment',
  'annotateRfm',
  'annotateAbc',
  'annotateXyz',
  'annotateAlert',
  'annotateRowCheck',
] as const;

/** The most columns annotate mode writes at once. */
export const MAX_ANNOTATION_COLUMNS = ANNOTATION_HEADER_IDS.length;

const OWN_HEADERS: ReadonlySet<string> = new Set(
  ANNOTATION_HEADER_IDS.flatMap((id) => LOCALES.map((locale) => uiMessages[id][locale])),
);

/** Rows from the top of a region searched for an annotation header (it sits in the header row). */
const HEADER_PROBE_ROWS = 5;

/**
 * True when a cell holds the header of a column annotate mode writes, in any locale
 * (`clientbase: RFM segment`, `clientbase: RFM-сегмент`, ...): a column headed so is the
 * add-in's own, which a host re-uses when annotating again and leaves out when reading.
 *
 * Example: `isOwnAnnotationHeader('clientbase: ABC')` is true, `isOwnAnnotationHeader('ABC')`
 * false (tested).
 */
export function isOwnAnnotationHeader(value: unknown): boolean {
  return typeof value === 'string' && OWN_HEADERS.has(value);
}

/**
 * How many columns of a region are the user's: the columns left of the first of the add-in's own
 * annotation columns (a column is the add-in's when one of the region's first five rows holds an
 * annotation header in it). A region read around a table annotated before takes in the
 * annotation columns, since they touch the table, and with them whatever touches them on the
 * right; reading those as data would make each run annotate beside its own earlier columns.
 * At least one column is kept.
 *
 * @param rows the region's top rows (at least its header row), as the host read them
 * @param width the region's column count
 * Example: `Client | Date | Amount | clientbase: RFM segment | clientbase: RFM | Note` gives 3
 * (tested).
 */
export function widthWithoutOwnAnnotations(
  rows: readonly (readonly unknown[])[],
  width: number,
): number {
  const probe = rows.slice(0, HEADER_PROBE_ROWS);
  for (let column = 1; column < width; column++) {
    if (probe.some((row) => isOwnAnnotationHeader(row[column]))) return column;
  }
  return width;
}
