import { metricsError } from './messages';

export interface NetPromoterScore {
  /** % promoters − % detractors, from −100 to 100. */
  readonly score: number;
  readonly responses: number;
  /** Answers 9–10. */
  readonly promoters: number;
  /** Answers 7–8. */
  readonly passives: number;
  /** Answers 0–6. */
  readonly detractors: number;
  /** Ratios 0..1 of `responses`. */
  readonly promoterShare: number;
  readonly detractorShare: number;
}

/**
 * Net Promoter Score from answers to "How likely are you to recommend us?" on 0–10: the share of
 * promoters (9–10) minus the share of detractors (0–6), in points from −100 to 100.
 * Source: F. F. Reichheld, "The One Number You Need to Grow", Harvard Business Review, Dec 2003.
 *
 * Parameters: `answers` whole numbers 0..10; `null`/`undefined` are no answer and skipped.
 * Throws `AnalyticsError('invalid_argument')` naming the 1-based positions of answers that are not
 * whole numbers in 0..10 (details: `positions`), and `AnalyticsError('empty_input')` when there is
 * no answer at all.
 *
 * Example: answers 10, 9, 8, 7, 6, 0, 10, 9, 3, 10 have 5 promoters and 3 detractors of 10:
 * NPS = 50 − 30 = 20.
 */
export function netPromoterScore(
  answers: readonly (number | null | undefined)[],
): NetPromoterScore {
  const bad: number[] = [];
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  answers.forEach((answer, i) => {
    if (answer === null || answer === undefined) return;
    if (!(Number.isInteger(answer) && answer >= 0 && answer <= 10)) {
      bad.push(i + 1);
      return;
    }
    if (answer >= 9) promoters += 1;
    else if (answer >= 7) passives += 1;
    else detractors += 1;
  });
  if (bad.length > 0) {
    const shown = bad.slice(0, 10).join(', ') + (bad.length > 10 ? ', …' : '');
    throw metricsError(
      'invalid_argument',
      'error.npsAnswers',
      { positions: shown },
      { argument: 'answers', positions: bad },
    );
  }
  const responses = promoters + passives + detractors;
  if (responses === 0) {
    throw metricsError('empty_input', 'error.noNpsAnswers');
  }
  return {
    score: (100 * (promoters - detractors)) / responses,
    responses,
    promoters,
    passives,
    detractors,
    promoterShare: promoters / responses,
    detractorShare: detractors / responses,
  };
}
