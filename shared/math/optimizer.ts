/**
 * Unconstrained minimisation for model fitting: BFGS with a backtracking (Armijo) line search and
 * central-difference gradients, Nelder-Mead as a derivative-free fallback, and a numerical Hessian
 * for standard errors. Algorithms as in J. Nocedal & S. Wright, "Numerical Optimization", 2nd ed.,
 * 2006 (BFGS: Algorithm 6.1; backtracking: Algorithm 3.1; finite differences: §8.1) and
 * J. Lagarias et al., "Convergence properties of the Nelder-Mead simplex method in low
 * dimensions", SIAM J. Optim. 9(1), 1998 (standard coefficients 1, 2, 0.5, 0.5).
 */

export type Objective = (x: readonly number[]) => number;

export interface MinimizeOptions {
  /** Iteration limit; default 500 for BFGS, 4000 for Nelder-Mead. */
  readonly maxIterations?: number;
  /** Stop when the largest absolute gradient component is below this; default 1e-7. */
  readonly gradientTolerance?: number;
  /** Analytic gradient; central differences when omitted. */
  readonly gradient?: (x: readonly number[]) => number[];
  /** Largest step length per iteration in x units (keeps exp(x) finite); default 5. */
  readonly maxStep?: number;
}

export interface MinimizeResult {
  readonly x: number[];
  readonly value: number;
  readonly iterations: number;
  /** Objective evaluations, including those for numerical gradients. */
  readonly evaluations: number;
  readonly converged: boolean;
  /** Largest absolute gradient component at `x` (central differences for Nelder-Mead). */
  readonly gradientMaxAbs: number;
}

/**
 * Central-difference gradient of f at x with step h (Nocedal & Wright eq. 8.7). `h` is in x units;
 * 1e-5 suits objectives of order 1 on log-parameters.
 * Example: the gradient of `x => x[0] * x[0]` at [3] is [6] to about 1e-9.
 */
export function numericGradient(f: Objective, x: readonly number[], h = 1e-5): number[] {
  const g = new Array<number>(x.length);
  const probe = x.slice();
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    probe[i] = xi + h;
    const up = f(probe);
    probe[i] = xi - h;
    const down = f(probe);
    probe[i] = xi;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

/**
 * Central-difference Hessian of f at x (Nocedal & Wright eq. 8.9), with per-coordinate steps
 * `h[i]` (in x units). Returns a symmetric matrix as rows.
 * Example: for `x => x[0] * x[0] * x[1]` at [1, 2] it is [[4, 2], [2, 0]] to about 1e-6.
 */
export function numericHessian(
  f: Objective,
  x: readonly number[],
  h: readonly number[],
): number[][] {
  const n = x.length;
  const H: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const p = x.slice();
  const f0 = f(x);
  for (let i = 0; i < n; i++) {
    const hi = h[i] as number;
    const xi = x[i] as number;
    p[i] = xi + hi;
    const fp = f(p);
    p[i] = xi - hi;
    const fm = f(p);
    p[i] = xi;
    (H[i] as number[])[i] = (fp - 2 * f0 + fm) / (hi * hi);
    for (let j = 0; j < i; j++) {
      const hj = h[j] as number;
      const xj = x[j] as number;
      p[i] = xi + hi;
      p[j] = xj + hj;
      const fpp = f(p);
      p[j] = xj - hj;
      const fpm = f(p);
      p[i] = xi - hi;
      const fmm = f(p);
      p[j] = xj + hj;
      const fmp = f(p);
      p[i] = xi;
      p[j] = xj;
      const v = (fpp - fpm - fmp + fmm) / (4 * hi * hj);
      (H[i] as number[])[j] = v;
      (H[j] as number[])[i] = v;
    }
  }
  return H;
}

/**
 * Inverse of a symmetric positive-definite matrix by Cholesky factorisation (Golub & Van Loan,
 * "Matrix Computations", 4th ed., Algorithm 4.2.1). Returns `undefined` when the matrix is not
 * positive definite (e.g. a Hessian at a saddle point), so callers can report "not available".
 * Example: the inverse of [[4, 2], [2, 3]] is [[0.375, -0.25], [-0.25, 0.5]].
 */
export function invertPositiveDefinite(m: readonly (readonly number[])[]): number[][] | undefined {
  const n = m.length;
  const L: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = (m[j] as readonly number[])[j] as number;
    for (let k = 0; k < j; k++) d -= ((L[j] as number[])[k] as number) ** 2;
    if (!(d > 0) || !Number.isFinite(d)) return undefined;
    const ljj = Math.sqrt(d);
    (L[j] as number[])[j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = (m[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k++) {
        s -= ((L[i] as number[])[k] as number) * ((L[j] as number[])[k] as number);
      }
      (L[i] as number[])[j] = s / ljj;
    }
  }
  // Solve L L^T X = I column by column.
  const inv: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let col = 0; col < n; col++) {
    const y = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      let s = i === col ? 1 : 0;
      for (let k = 0; k < i; k++) s -= ((L[i] as number[])[k] as number) * (y[k] as number);
      y[i] = s / ((L[i] as number[])[i] as number);
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i] as number;
      for (let k = i + 1; k < n; k++) {
        s -= ((L[k] as number[])[i] as number) * ((inv[k] as number[])[col] as number);
      }
      (inv[i] as number[])[col] = s / ((L[i] as number[])[i] as number);
    }
  }
  return inv;
}

function maxAbs(v: readonly number[]): number {
  let m = 0;
  for (const x of v) m = Math.max(m, Math.abs(x));
  return m;
}

/**
 * Minimises f from x0 by BFGS (Nocedal & Wright Algorithm 6.1) with backtracking line search.
 * Non-finite objective values are treated as "too far" and the step is shortened. Never throws;
 * check `converged`.
 * Example: minimising `x => (x[0] - 1) ** 2 + 10 * (x[1] + 2) ** 2` from [0, 0] returns x close to
 * [1, -2].
 */
export function minimizeBfgs(
  f: Objective,
  x0: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.gradientTolerance ?? 1e-7;
  const maxStep = options.maxStep ?? 5;
  let evaluations = 0;
  const fc = (x: readonly number[]): number => {
    evaluations++;
    return f(x);
  };
  const grad =
    options.gradient ??
    ((x: readonly number[]) => {
      evaluations += 2 * n;
      return numericGradient(f, x);
    });

  let x = x0.slice();
  let fx = fc(x);
  let g = grad(x);
  // Inverse Hessian approximation, identity to start.
  let Hinv: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  let iterations = 0;
  let converged = Number.isFinite(fx) && maxAbs(g) < tolerance;
  while (!converged && iterations < maxIterations) {
    iterations++;
    const dir = Hinv.map((row) => -row.reduce((s, hij, j) => s + hij * (g[j] as number), 0));
    let slope = dir.reduce((s, d, i) => s + d * (g[i] as number), 0);
    if (!(slope < 0)) {
      // Not a descent direction: restart from steepest descent.
      Hinv = Hinv.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      for (let i = 0; i < n; i++) dir[i] = -(g[i] as number);
      slope = -g.reduce((s, gi) => s + gi * gi, 0);
    }
    const dirNorm = Math.sqrt(dir.reduce((s, d) => s + d * d, 0));
    let step = dirNorm > maxStep ? maxStep / dirNorm : 1;
    let xNew = x;
    let fNew = Infinity;
    let accepted = false;
    for (let tries = 0; tries < 60; tries++) {
      xNew = x.map((xi, i) => xi + step * (dir[i] as number));
      fNew = fc(xNew);
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      converged = maxAbs(g) < tolerance * 100;
      break;
    }
    const gNew = grad(xNew);
    const s = xNew.map((v, i) => v - (x[i] as number));
    const y = gNew.map((v, i) => v - (g[i] as number));
    const sy = s.reduce((acc, si, i) => acc + si * (y[i] as number), 0);
    if (sy > 1e-12) {
      if (iterations === 1) {
        // Scale the first inverse Hessian guess (Nocedal & Wright eq. 6.20).
        const yy = y.reduce((acc, yi) => acc + yi * yi, 0);
        const scale = sy / yy;
        Hinv = Hinv.map((row) => row.map((v) => v * scale));
      }
      const rho = 1 / sy;
      const Hy = Hinv.map((row) => row.reduce((acc, hij, j) => acc + hij * (y[j] as number), 0));
      const yHy = y.reduce((acc, yi, i) => acc + yi * (Hy[i] as number), 0);
      Hinv = Hinv.map((row, i) =>
        row.map(
          (hij, j) =>
            hij -
            rho * ((Hy[i] as number) * (s[j] as number) + (s[i] as number) * (Hy[j] as number)) +
            (rho * rho * yHy + rho) * (s[i] as number) * (s[j] as number),
        ),
      );
    }
    const fOld = fx;
    x = xNew;
    fx = fNew;
    g = gNew;
    if (maxAbs(g) < tolerance) converged = true;
    else if (
      Math.abs(fOld - fx) <= 1e-15 * Math.max(1, Math.abs(fx)) &&
      maxAbs(g) < tolerance * 1e3
    ) {
      converged = true;
    }
  }
  return { x, value: fx, iterations, evaluations, converged, gradientMaxAbs: maxAbs(g) };
}

/**
 * Minimises f from x0 by the Nelder-Mead simplex method (Lagarias et al. 1998), with an initial
 * simplex of steps `initialStep` (default 0.5) along each axis. Stops when the simplex's values
 * differ by less than `valueTolerance` (default 1e-10). Never throws; check `converged`.
 * Example: minimising `x => (x[0] - 1) ** 2 + (x[1] + 2) ** 2` from [0, 0] returns x close to [1, -2].
 */
export function minimizeNelderMead(
  f: Objective,
  x0: readonly number[],
  options: { maxIterations?: number; valueTolerance?: number; initialStep?: number } = {},
): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 4000;
  const tol = options.valueTolerance ?? 1e-10;
  const stepSize = options.initialStep ?? 0.5;
  let evaluations = 0;
  const fc = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let simplex = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] = (p[i] as number) + stepSize;
    simplex.push(p);
  }
  let values = simplex.map(fc);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const order = values
      .map((v, i) => i)
      .sort((i, j) => (values[i] as number) - (values[j] as number));
    simplex = order.map((i) => simplex[i] as number[]);
    values = order.map((i) => values[i] as number);
    const best = values[0] as number;
    const worst = values[n] as number;
    if (Math.abs(worst - best) <= tol * Math.max(1, Math.abs(best))) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++)
        centroid[j] = (centroid[j] as number) + ((simplex[i] as number[])[j] as number) / n;
    }
    const worstPoint = simplex[n] as number[];
    const along = (t: number): number[] =>
      centroid.map((c, j) => c + t * (c - (worstPoint[j] as number)));
    const reflected = along(1);
    const fr = fc(reflected);
    if (fr < best) {
      const expanded = along(2);
      const fe = fc(expanded);
      if (fe < fr) {
        simplex[n] = expanded;
        values[n] = fe;
      } else {
        simplex[n] = reflected;
        values[n] = fr;
      }
      continue;
    }
    if (fr < (values[n - 1] as number)) {
      simplex[n] = reflected;
      values[n] = fr;
      continue;
    }
    const contracted = fr < worst ? along(0.5) : along(-0.5);
    const fcn = fc(contracted);
    if (fcn < Math.min(fr, worst)) {
      simplex[n] = contracted;
      values[n] = fcn;
      continue;
    }
    const bestPoint = simplex[0] as number[];
    for (let i = 1; i <= n; i++) {
      simplex[i] = (simplex[i] as number[]).map(
        (v, j) => (bestPoint[j] as number) + 0.5 * (v - (bestPoint[j] as number)),
      );
      values[i] = fc(simplex[i] as number[]);
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++)
    if ((values[i] as number) < (values[bestIndex] as number)) bestIndex = i;
  return {
    x: (simplex[bestIndex] as number[]).slice(),
    value: values[bestIndex] as number,
    iterations,
    evaluations,
    converged,
    gradientMaxAbs: maxAbs(numericGradient(f, simplex[bestIndex] as number[])),
  };
}

/**
 * Standard errors of a maximum-likelihood estimate from the analytic gradient of the
 * log-likelihood: the observed information is taken by central differences of the gradient
 * (Nocedal & Wright, "Numerical Optimization", 2nd ed., §8.1), symmetrised, and inverted; the
 * standard errors are the square roots of the inverse's diagonal. `gradient(point)` returns
 * ∂LL/∂θ at `point`; steps are `relativeStep` × each coordinate. Returns `undefined` when the
 * information is not positive definite or an error is not finite (shown as "not available").
 * Example: LL = −(θ − 2)²/(2·0.25) has information 4, so the standard error is 0.5 (tested).
 */
export function standardErrorsFromGradient(
  point: readonly number[],
  gradient: (at: readonly number[]) => readonly number[],
  relativeStep = 1e-5,
): number[] | undefined {
  const columns = point.map((v, j) => {
    const h = v * relativeStep;
    const probe = point.slice();
    probe[j] = v + h;
    const up = gradient(probe).slice();
    probe[j] = v - h;
    const down = gradient(probe);
    return up.map((u, i) => -(u - (down[i] as number)) / (2 * h));
  });
  const information = point.map((_, i) =>
    point.map(
      (__, j) =>
        0.5 * (((columns[j] as number[])[i] as number) + ((columns[i] as number[])[j] as number)),
    ),
  );
  const cov = invertPositiveDefinite(information);
  if (!cov) return undefined;
  const se = cov.map((row, i) => Math.sqrt(row[i] as number));
  return se.every(Number.isFinite) ? se : undefined;
}
