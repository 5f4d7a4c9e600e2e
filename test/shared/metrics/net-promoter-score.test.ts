import fc from 'fast-check';
import { AnalyticsError } from '../../../shared/errors';
import { netPromoterScore } from '../../../shared/metrics';

describe('netPromoterScore (Reichheld 2003: promoters 9-10, detractors 0-6)', () => {
  it('10, 9, 8, 7, 6, 0, 10, 9, 3, 10 -> 5 promoters, 3 detractors, NPS 20 (by hand)', () => {
    expect(netPromoterScore([10, 9, 8, 7, 6, 0, 10, 9, 3, 10])).toEqual({
      score: 20,
      responses: 10,
      promoters: 5,
      passives: 2,
      detractors: 3,
      promoterShare: 0.5,
      detractorShare: 0.3,
    });
  });

  it('skips blanks; all promoters give 100, all detractors -100', () => {
    expect(netPromoterScore([null, 10, undefined, 9]).score).toBe(100);
    expect(netPromoterScore([0, 6]).score).toBe(-100);
  });

  it('rejects answers outside 0..10 or not whole, naming their positions', () => {
    let error: unknown;
    try {
      netPromoterScore([5, 11, 7, -1, 7.5]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AnalyticsError);
    expect((error as AnalyticsError).message).toMatch(/position 2, 4, 5/);
    expect((error as AnalyticsError).details).toMatchObject({ positions: [2, 4, 5] });
    expect(() => netPromoterScore([null])).toThrow(AnalyticsError);
  });

  it('property: the score stays in [-100, 100] and the three groups add up', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1 }), (answers) => {
        const nps = netPromoterScore(answers);
        expect(nps.score).toBeGreaterThanOrEqual(-100);
        expect(nps.score).toBeLessThanOrEqual(100);
        expect(nps.promoters + nps.passives + nps.detractors).toBe(answers.length);
      }),
    );
  });
});
