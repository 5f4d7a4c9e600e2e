import { metricsError, type MetricsMessageId } from './messages';

/**
 * Argument checks shared by the metric functions: each throws
 * `AnalyticsError('invalid_argument')` with a message naming the argument and its value.
 */
function fail(name: string, value: unknown, id: MetricsMessageId): never {
  throw metricsError(
    'invalid_argument',
    id,
    { argument: name, value: String(value) },
    { argument: name, value },
  );
}

export function requireFinite(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(name, value, 'error.finite');
  return value;
}

export function requireNonNegative(name: string, value: number): number {
  if (!(requireFinite(name, value) >= 0)) fail(name, value, 'error.nonNegative');
  return value;
}

export function requirePositive(name: string, value: number): number {
  if (!(requireFinite(name, value) > 0)) fail(name, value, 'error.positive');
  return value;
}

/** A ratio in [0, 1] (a share, a probability, a margin ratio). */
export function requireRatio(name: string, value: number): number {
  const v = requireFinite(name, value);
  if (!(v >= 0 && v <= 1)) fail(name, value, 'error.ratio');
  return v;
}
