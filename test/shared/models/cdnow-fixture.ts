import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { dayFromYmd } from '../../../shared/calendar';
import { summariseForModels, type ModelSummary } from '../../../shared/models/summarise-for-models';
import type { Transaction } from '../../../shared/sheet-data/types';

/**
 * The CDNOW 1/10th sample (2,357 clients, 1997-01-01..1998-06-30), read from the reference data
 * beside the repository: `shared/data/cdnow` (provenance in its SOURCE.md).
 */
export const CDNOW_DIR = path.resolve(__dirname, '../../../../shared/data/cdnow');

/** Calibration end of the published CDNOW analyses: 1997-09-30 (39 weeks after 1997-01-01). */
export const CDNOW_CALIBRATION_END = dayFromYmd(1997, 9, 30);
/** End of the data: 1998-06-30 (78 weeks). */
export const CDNOW_HOLDOUT_END = dayFromYmd(1998, 6, 30);
export const CDNOW_START = dayFromYmd(1997, 1, 1);

/** Parses `CDNOW_sample.txt`: master id, sample id, YYYYMMDD, CDs, dollars (whitespace-separated). */
export function readCdnowTransactions(): Transaction[] {
  const text = fs.readFileSync(path.join(CDNOW_DIR, 'CDNOW_sample.txt'), 'utf8');
  const out: Transaction[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) return;
    const [, sampleId, ymd, , dollars] = fields as [string, string, string, string, string];
    const day = dayFromYmd(
      Number(ymd.slice(0, 4)),
      Number(ymd.slice(4, 6)),
      Number(ymd.slice(6, 8)),
    );
    const id = String(Number(sampleId));
    out.push({ row: index + 1, clientKey: id, clientName: id, day, amount: Number(dollars) });
  });
  return out;
}

/** Rows of a lifetimes summary CSV keyed by ID. */
export function readSummaryCsv(name: string): Map<string, number[]> {
  const text = fs.readFileSync(path.join(CDNOW_DIR, name), 'utf8');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const result = new Map<string, number[]>();
  for (const line of lines.slice(1)) {
    const [id, ...rest] = line.split(',');
    result.set(String(Number(id)), rest.map(Number));
  }
  return result;
}

/** The CDNOW calibration summary in weeks, as every published CDNOW fit uses it. */
export function cdnowWeeklySummary(): ModelSummary {
  return summariseForModels(readCdnowTransactions(), {
    calibrationEnd: CDNOW_CALIBRATION_END,
    unit: 'week',
  });
}

/** Any (x, t_x, T) a summary can hold: t_x ≤ T, and t_x = 0 when x = 0. */
export const summaryRowArbitrary = fc
  .record({
    x: fc.integer({ min: 0, max: 400 }),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    T: fc.double({ min: 0.1, max: 500, noNaN: true }),
  })
  .map(({ x, fraction, T }) => ({ x, t_x: x === 0 ? 0 : fraction * T, T }));
