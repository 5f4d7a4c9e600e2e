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

/** `thrownError`, failing the test when `run` throws nothing. */
export function mustThrow<E extends Error>(
  run: () => unknown,
  type: abstract new (...args: never[]) => E,
): E {
  const error = thrownError(run, type);
  if (error === undefined) throw new Error(`expected a ${type.name}`);
  return error;
}
