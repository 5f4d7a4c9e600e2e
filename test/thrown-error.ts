/**
 * The error of class `type` that `run` throws, for tests that look at its code, message id or
 * details; `undefined` when `run` returns. An error of another class is thrown on, so a test never
 * mistakes it for the expected one.
 */
export function thrownError<E extends Error>(
  run: () => unknown,
  type: abstract new (...args: never[]) => E,
): E | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof type) return error;
    throw error;
  }
  return undefined;
}
