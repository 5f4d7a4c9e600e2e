import fc from 'fast-check';
import { AnalyticsError } from '../../../shared/errors';
import {
  ALL_RFM_CELLS,
  DEFAULT_RFM_SEGMENT_MAP,
  RFM_SEGMENTS,
  rfmSegment,
  segmentInfo,
  segmentationMessages,
  validateRfmSegmentMap,
  type RfmSegmentMap,
} from '../../../shared/segmentation';

describe('RFM segment map', () => {
  it('covers all 125 cells exactly once with the segment sizes of issue 2 (7+8+24+7+16+8+5+22+8+14+6)', () => {
    expect(validateRfmSegmentMap(DEFAULT_RFM_SEGMENT_MAP).size).toBe(125);
    expect(RFM_SEGMENTS.map((s) => DEFAULT_RFM_SEGMENT_MAP[s].length)).toEqual([
      7, 8, 24, 7, 16, 8, 5, 22, 8, 14, 6,
    ]);
  });

  it.each([
    ['555', 'champions'],
    ['545', 'champions'],
    ['543', 'loyal'],
    ['553', 'potential_loyalist'],
    ['511', 'new'],
    ['525', 'promising'],
    ['535', 'need_attention'],
    ['331', 'about_to_sleep'],
    ['255', 'at_risk'],
    ['155', 'cannot_lose'],
    ['332', 'hibernating'],
    ['111', 'lost'],
  ])('cell %s is %s (issue 2 map)', (cell, segment) => {
    expect(rfmSegment(cell)).toBe(segment);
  });

  it('property: every cell maps to exactly one segment', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_RFM_CELLS), (cell) => {
        const owners = RFM_SEGMENTS.filter((s) => DEFAULT_RFM_SEGMENT_MAP[s].includes(cell));
        expect(owners).toEqual([rfmSegment(cell)]);
      }),
    );
  });

  it('rejects a malformed cell', () => {
    expect(() => rfmSegment('605')).toThrow(AnalyticsError);
    expect(() => rfmSegment('55')).toThrow(/not an RFM cell/);
  });

  it('accepts a user map that moves a cell, and names missing and duplicate cells otherwise', () => {
    const moved: RfmSegmentMap = {
      ...DEFAULT_RFM_SEGMENT_MAP,
      champions: DEFAULT_RFM_SEGMENT_MAP.champions.filter((c) => c !== '445'),
      loyal: [...DEFAULT_RFM_SEGMENT_MAP.loyal, '445'],
    };
    expect(rfmSegment('445', moved)).toBe('loyal');

    const broken: RfmSegmentMap = {
      ...DEFAULT_RFM_SEGMENT_MAP,
      champions: DEFAULT_RFM_SEGMENT_MAP.champions.filter((c) => c !== '445'),
      lost: [...DEFAULT_RFM_SEGMENT_MAP.lost, '555'],
    };
    let error: unknown;
    try {
      rfmSegment('111', broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnalyticsError);
    expect((error as AnalyticsError).code).toBe('invalid_argument');
    expect((error as AnalyticsError).message).toMatch(/missing cells: 445/);
    expect((error as AnalyticsError).message).toMatch(/more than once: 555/);
  });
});

describe('segmentInfo', () => {
  it('gives en and ru names, meaning, action and a #RRGGBB colour for every segment', () => {
    const colors = new Set<string>();
    for (const segment of RFM_SEGMENTS) {
      const info = segmentInfo(segment);
      for (const text of [info.name, info.meaning, info.action]) {
        expect(text.en.length).toBeGreaterThan(0);
        expect(text.ru).toMatch(/[а-яё]/i);
      }
      expect(info.color).toMatch(/^#[0-9A-F]{6}$/);
      colors.add(info.color);
    }
    expect(colors.size).toBe(RFM_SEGMENTS.length);
  });

  it('matches its doc-card example (champions: Чемпионы, #63BE7B)', () => {
    expect(segmentInfo('champions').name.ru).toBe('Чемпионы');
    expect(segmentInfo('champions').color).toBe('#63BE7B');
    expect(() => segmentInfo('vip' as never)).toThrow(AnalyticsError);
  });

  it('every message has both locales', () => {
    for (const [id, text] of Object.entries(segmentationMessages)) {
      expect([id, text.en.length > 0, text.ru.length > 0]).toEqual([id, true, true]);
    }
  });
});
