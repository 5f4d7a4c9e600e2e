import { AnalyticsError } from '../errors';
import { logGamma } from './special-functions';

/** A real number held as `sign * exp(logAbs)`; `sign` 0 means the number is 0. */
export interface SignedLog {
  readonly logAbs: number;
  readonly sign: -1 | 0 | 1;
}

const MAX_TERMS = 1_000_000;
const RESCALE = 1e250;
const LOG_RESCALE = Math.log(RESCALE);
/** At most about 3 decimal digits may be lost to cancellation before another method is used. */
const LOG_TOLERATED_LOSS = Math.log(1e3);
/** Cancellation beyond 8 of the 16 digits: no method left, the value is refused. */
const LOG_REFUSED_LOSS = Math.log(1e8);

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for real a, b, c and real z < 1, returned as a
 * sign and the log of its absolute value, so it neither overflows nor loses its sign for heavy
 * buyers (parameters in the hundreds).
 *
 * Definition: the series Σ (a)_k (b)_k / ((c)_k k!) z^k (Abramowitz & Stegun 15.1.1; DLMF 15.2.1).
 * For z < 0 the Pfaff transformation (A&S 15.3.5, DLMF 15.8.1) maps z to z/(z-1) in (0, 1); for
 * 0 < z <= 0.9 with a + b - c > 0 the Euler transformation (A&S 15.3.3) makes the terms decay like
 * k^(c-a-b-1) z^k instead of growing, unless they cancel (then the direct series); for z > 0.9 the connection formula A&S 15.3.6 sums two
 * series in 1 - z. Terms are summed in scaled doubles with a separate log scale.
 * @param z must be < 1 (the series diverges at 1 and the function is complex beyond it).
 * @throws AnalyticsError `invalid_argument` for z >= 1, non-finite input or c a non-positive integer;
 *   `numeric` when a million terms do not converge (z within about 1e-5 of 1), or for z < 0 when
 *   both Pfaff forms cancel (c well below a and b; no model here calls it with z < 0).
 * Example: `hypergeometric2f1Log(1, 1, 2, 0.5)` is `{ sign: 1, logAbs: Math.log(-Math.log(0.5) / 0.5) }`
 * (2F1(1, 1; 2; z) = -ln(1 - z) / z, A&S 15.1.3).
 */
export function hypergeometric2f1Log(a: number, b: number, c: number, z: number): SignedLog {
  if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(z))) {
    throw new AnalyticsError('invalid_argument', '2F1 needs finite arguments.');
  }
  if (z >= 1) throw new AnalyticsError('invalid_argument', `2F1 needs z < 1, got ${z}.`);
  if (c <= 0 && Number.isInteger(c)) {
    throw new AnalyticsError('invalid_argument', `2F1 is undefined for c = ${c}.`);
  }
  if (z === 0 || a === 0 || b === 0) return { logAbs: 0, sign: 1 };
  if (z < 0) {
    // Pfaff: 2F1(a,b;c;z) = (1-z)^(-a) 2F1(a, c-b; c; z/(z-1)) = (1-z)^(-b) 2F1(c-a, b; c; ...);
    // first the form whose inner series converges faster (smaller a' + b' - c), then the other
    // one if the first cancels.
    const w = z / (z - 1);
    const log1mz = Math.log1p(-z);
    const forms = [
      () => ({ inner: positiveArgument(a, c - b, c, w), power: a }),
      () => ({ inner: positiveArgument(c - a, b, c, w), power: b }),
    ];
    if (b - a < a - b) forms.reverse();
    let best: { logAbs: number; sign: -1 | 0 | 1; loss: number } | undefined;
    for (const form of forms) {
      const { inner, power } = form();
      const value = { logAbs: inner.logAbs - power * log1mz, sign: inner.sign, loss: inner.loss };
      if (value.loss < LOG_TOLERATED_LOSS) return { logAbs: value.logAbs, sign: value.sign };
      if (best === undefined || value.loss < best.loss) best = value;
    }
    // Both cancel; the better one is kept while it leaves at least 8 of the 16 digits. Below that
    // (c well below a and b, the value tiny next to the terms) no digit could be trusted.
    if (best !== undefined && best.loss < LOG_REFUSED_LOSS) {
      return { logAbs: best.logAbs, sign: best.sign };
    }
    throw new AnalyticsError(
      'numeric',
      `2F1(${a}, ${b}; ${c}; ${z}) cannot be computed accurately for z < 0 with these parameters.`,
    );
  }
  const { logAbs, sign } = positiveArgument(a, b, c, z);
  return { logAbs, sign };
}

/** A value with the log of how much larger than it its largest summed term was (0: none). */
interface Computed extends SignedLog {
  readonly loss: number;
}

const computed = (result: SeriesResult): Computed => ({
  logAbs: result.logAbs,
  sign: result.sign,
  loss: Math.max(0, result.logMaxTerm - result.logAbs),
});

function positiveArgument(a: number, b: number, c: number, z: number): Computed {
  const terminates = (v: number): boolean => v <= 0 && Number.isInteger(v);
  if (z > 0.9 && !terminates(a) && !terminates(b)) {
    const near = computed(nearOne(a, b, c, z));
    // With large parameters the two terms of the connection formula can be huge and cancel; then
    // the (slower) direct series is the accurate one.
    if (near.loss < LOG_TOLERATED_LOSS) return near;
  }
  if (a + b - c > 0) {
    // Euler: 2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a, c-b; c; z)
    const inner = computed(series(c - a, c - b, c, z));
    const euler = { ...inner, logAbs: inner.logAbs + (c - a - b) * Math.log1p(-z) };
    // With c - a or c - b far below 0 its terms alternate and cancel (2F1(0.01, 67; 0.24; 0.65)
    // lost 60 % of its value that way); up to z = 0.9 the direct series, slower but of one sign
    // when a, b, c > 0, converges and is then the accurate one.
    if (euler.loss < LOG_TOLERATED_LOSS || z > 0.9) return euler;
    const direct = computed(series(a, b, c, z));
    return direct.loss < euler.loss ? direct : euler;
  }
  return computed(series(a, b, c, z));
}

/** log|Γ(x)| and the sign of Γ(x) for real x that is not 0 or a negative integer. */
function signedLogGamma(x: number): SignedLog {
  const sign = x > 0 || Math.floor(x) % 2 === 0 ? 1 : -1;
  return { logAbs: logGamma(x), sign };
}

function product(...factors: SignedLog[]): SignedLog {
  let logAbs = 0;
  let sign = 1;
  for (const f of factors) {
    logAbs += f.logAbs;
    sign *= f.sign;
  }
  return { logAbs, sign: sign as -1 | 0 | 1 };
}

function add(p: SignedLog, q: SignedLog): SignedLog {
  if (p.sign === 0) return q;
  if (q.sign === 0) return p;
  const [big, small] = p.logAbs >= q.logAbs ? [p, q] : [q, p];
  const ratio = Math.exp(small.logAbs - big.logAbs);
  const mix = big.sign === small.sign ? 1 + ratio : 1 - ratio;
  if (mix === 0) return { logAbs: -Infinity, sign: 0 };
  return { logAbs: big.logAbs + Math.log(mix), sign: big.sign };
}

const inverse = (f: SignedLog): SignedLog => ({ logAbs: -f.logAbs, sign: f.sign });

/**
 * z close to 1: the connection formula A&S 15.3.6 (DLMF 15.8.4) turns the slowly converging
 * series in z into two fast series in 1 - z. The result carries the size of the largest term so
 * the caller can see cancellation (large parameters) and fall back to the direct series. At (nearly) integer c - a - b the two terms have
 * poles that cancel; there the value is extrapolated from c ± 0.001 and c ± 0.002 (Richardson), which
 * leaves a relative error of order 1e-10 (the function is smooth in c).
 */
function nearOne(a: number, b: number, c: number, z: number, shifted = false): SeriesResult {
  const m = c - a - b;
  const delta = 1e-3;
  if (!shifted && Math.abs(m - Math.round(m)) < delta / 2) {
    // Richardson extrapolation of the symmetric averages at c ± delta and c ± 2 delta:
    // (4 avg(delta) - avg(2 delta)) / 3 cancels the delta^2 term, leaving O(delta^4).
    const points = [delta, -delta, 2 * delta, -2 * delta].map((dc) =>
      nearOne(a, b, c + dc, z, true),
    );
    const scaleLog = (points[0] as SeriesResult).logAbs;
    const v = points.map((p) => p.sign * Math.exp(p.logAbs - scaleLog));
    const value =
      (4 * 0.5 * ((v[0] as number) + (v[1] as number)) -
        0.5 * ((v[2] as number) + (v[3] as number))) /
      3;
    const logMaxTerm = Math.max(...points.map((p) => p.logMaxTerm));
    if (value === 0) return { logAbs: -Infinity, sign: 0, logMaxTerm };
    return { logAbs: scaleLog + Math.log(Math.abs(value)), sign: value > 0 ? 1 : -1, logMaxTerm };
  }
  const w = 1 - z;
  const gc = signedLogGamma(c);
  const poles = (v: number): boolean => v <= 0 && Number.isInteger(v);
  let first: SignedLog = { logAbs: -Infinity, sign: 0 };
  let logMaxTerm = -Infinity;
  // 1/Γ(v) is 0 at a pole, which drops the corresponding term.
  if (!poles(c - a) && !poles(c - b)) {
    const inner = series(a, b, 1 - m, w);
    first = product(
      gc,
      signedLogGamma(m),
      inverse(signedLogGamma(c - a)),
      inverse(signedLogGamma(c - b)),
      inner,
    );
    logMaxTerm = first.logAbs - inner.logAbs + inner.logMaxTerm;
  }
  let second: SignedLog = { logAbs: -Infinity, sign: 0 };
  if (!poles(a) && !poles(b)) {
    const inner = series(c - a, c - b, m + 1, w);
    second = product(
      gc,
      signedLogGamma(-m),
      inverse(signedLogGamma(a)),
      inverse(signedLogGamma(b)),
      { logAbs: m * Math.log(w), sign: 1 },
      inner,
    );
    logMaxTerm = Math.max(logMaxTerm, second.logAbs - inner.logAbs + inner.logMaxTerm);
  }
  return { ...add(first, second), logMaxTerm };
}

/** A series sum with the log of its largest term, to tell how many digits cancellation cost. */
interface SeriesResult extends SignedLog {
  readonly logMaxTerm: number;
}

function series(a: number, b: number, c: number, z: number): SeriesResult {
  if (a === 0 || b === 0) return { logAbs: 0, sign: 1, logMaxTerm: 0 };
  let maxTerm = 1;
  let term = 1;
  let sum = 1;
  let logScale = 0;
  // Past this index every Pochhammer factor is positive, so the term ratio moves monotonically
  // towards z and the tail bound below holds.
  const settled = Math.max(-a, -b, -c, 0);
  for (let k = 0; k < MAX_TERMS; k++) {
    const ratio = (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) break;
    if (Math.abs(term) > maxTerm) maxTerm = Math.abs(term);
    const absRatio = Math.abs(ratio);
    // Once the terms shrink, the tail is below |term| * r / (1 - r) with r the current ratio,
    // which bounds later ratios from above when it exceeds z (they decrease towards z).
    if (absRatio < 1 && k > settled) {
      const bound = Math.max(absRatio, z);
      if ((Math.abs(term) * bound) / (1 - bound) <= 1e-17 * Math.abs(sum)) break;
    }
    if (Math.abs(sum) > RESCALE || Math.abs(term) > RESCALE) {
      sum /= RESCALE;
      term /= RESCALE;
      maxTerm /= RESCALE;
      logScale += LOG_RESCALE;
    }
    if (k === MAX_TERMS - 1) {
      throw new AnalyticsError(
        'numeric',
        `2F1(${a}, ${b}; ${c}; ${z}) did not converge: z is too close to 1.`,
      );
    }
  }
  const logMaxTerm = logScale + Math.log(maxTerm);
  if (sum === 0) return { logAbs: -Infinity, sign: 0, logMaxTerm };
  return { logAbs: logScale + Math.log(Math.abs(sum)), sign: sum > 0 ? 1 : -1, logMaxTerm };
}

/**
 * 2F1(a, b; c; z) as a plain number (may overflow to Infinity; prefer `hypergeometric2f1Log`).
 * Example: `hypergeometric2f1(1, 1, 2, 0.5)` is `2 * Math.LN2`.
 */
export function hypergeometric2f1(a: number, b: number, c: number, z: number): number {
  const { logAbs, sign } = hypergeometric2f1Log(a, b, c, z);
  return sign * Math.exp(logAbs);
}
