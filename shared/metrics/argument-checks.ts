import { AnalyticsError } from '../errors';

/**
 * Argument checks shared by the metric functions: each throws
 * `AnalyticsError('invalid_argument')` with a message naming the argument and its value.
 */
function fail(name: string, value: unknown, expectation: string): never {
  throw new AnalyticsError(
    'invalid_argument',
    `${name} must be ${expectation}, got ${String(value)}.`,
    { argument: name, value },
  );
}

export function requireFinite(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(name, value, 'a finite number');
  return value;
}

export function requireNonNegative(name: string, value: number): number {
  if (!(requireFinite(name, value) >= 0)) fail(name, value, 'zero or more');
  return value;
}

export function requirePositive(name: string, value: number): number {
  if (!(requireFinite(name, value) > 0)) fail(name, value, 'greater than zero');
  return value;
}

/** A ratio in [0, 1] (a share, a probability, a margin ratio). */
export function requireRatio(name: string, value: number): number {
  const v = requireFinite(name, value);
  if (!(v >= 0 && v <= 1)) fail(name, value, 'a ratio between 0 and 1 (e.g. 0.25 for 25 %)');
  return v;
}
