import type { ServerApi } from '../server-api';

/**
 * A typed promise wrapper around `google.script.run`, the callback API HtmlService gives a
 * sidebar (https://developers.google.com/apps-script/guides/html/reference/run): the function
 * name and arguments are checked against `ServerApi`, and the result is a promise of its return
 * type. A server-side `throw` rejects the promise with an `Error` carrying the server's message.
 */

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [serverFunction: string]: unknown;
}

declare const google: { readonly script: { readonly run: ScriptRunner } };

/** `Error` from whatever the failure handler received (an `Error` or a message). */
function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return new Error(String((error as { message: unknown }).message));
  }
  return new Error(String(error));
}

/**
 * Calls the server function `name` with `args`. Example:
 * `await callServer('detectColumns', {})` resolves to the `ColumnDetection` the server returned.
 */
export function callServer<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => reject(asError(error)));
    const target = runner[name];
    if (typeof target !== 'function') {
      reject(new Error(`Server function ${name} is not available`));
      return;
    }
    (target as (...a: unknown[]) => void).apply(runner, args);
  });
}
