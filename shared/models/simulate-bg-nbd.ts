import type { Rng } from '../math/seeded-rng';
import { betaVariate, exponentialVariate, gammaVariate } from '../math/seeded-rng';
import type { BgNbdParameters } from './bg-nbd';
import type { RecencyFrequency } from './types';
import { checkParameters } from './validate';

/**
 * Draws client histories from the BG/NBD process (Fader, Hardie & Lee 2005, §2): each client gets
 * a purchase rate λ ~ Gamma(r, alpha) and a drop-out probability p ~ Beta(a, b), buys at time 0,
 * then makes repeat purchases as a Poisson process with rate λ and after each repeat purchase
 * drops out with probability p. Observation stops at the client's T.
 * @param observationLengths T per client, in the unit of alpha; one client per entry.
 * @param rng a seeded uniform generator (`seededRng`), so a seed reproduces the data.
 * Example: with `seededRng(1)` the same call always returns the same rows.
 */
export function simulateBgNbd(
  parameters: BgNbdParameters,
  observationLengths: readonly number[],
  rng: Rng,
): RecencyFrequency[] {
  checkParameters(parameters);
  const { r, alpha, a, b } = parameters;
  return observationLengths.map((T) => {
    const lambda = gammaVariate(rng, r, alpha);
    const p = betaVariate(rng, a, b);
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += exponentialVariate(rng, lambda);
      if (!(t <= T)) break;
      x++;
      last = t;
      if (rng() < p) break;
    }
    return { x, t_x: last, T };
  });
}
