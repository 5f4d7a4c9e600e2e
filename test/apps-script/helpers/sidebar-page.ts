import { chromium, type Browser, type Page } from 'playwright-core';

/** Headless Debian Chromium, no browser download (playwright-core drives the system binary). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export type ServerHandler = (name: string, args: unknown[]) => unknown;

export interface SidebarPage {
  readonly page: Page;
  /** Every server call the sidebar made: function name and arguments (after JSON transport). */
  readonly calls: { name: string; args: unknown[] }[];
  /** Dialogs (`alert`) the page tried to open: an XSS payload would land here. */
  readonly dialogs: string[];
}

/**
 * Opens the built sidebar HTML with a stub `google.script.run` that forwards each call to
 * `handler` in Node, with JSON transport as Apps Script does; a thrown error reaches the
 * sidebar's failure handler as `{ message }`.
 */
export async function openSidebar(
  browser: Browser,
  html: string,
  handler: ServerHandler,
  locale = 'en-US',
): Promise<SidebarPage> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const calls: { name: string; args: unknown[] }[] = [];
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.exposeFunction('__serverCall', (name: string, argsJson: string) => {
    const args = JSON.parse(argsJson) as unknown[];
    calls.push({ name, args });
    try {
      return JSON.stringify({ ok: true, value: handler(name, args) ?? null });
    } catch (error) {
      return JSON.stringify({
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  });
  // Plain JavaScript text (not a transpiled function), injected before the sidebar script.
  const stub = `
    (function () {
      function makeRunner(success, failure) {
        return new Proxy({}, {
          get: function (_target, prop) {
            if (prop === 'withSuccessHandler') return function (h) { return makeRunner(h, failure); };
            if (prop === 'withFailureHandler') return function (h) { return makeRunner(success, h); };
            return function () {
              var args = Array.prototype.slice.call(arguments);
              window.__serverCall(prop, JSON.stringify(args)).then(function (text) {
                var reply = JSON.parse(text);
                setTimeout(function () {
                  if (reply.ok) { if (success) success(reply.value); }
                  else if (failure) failure(new Error(reply.message));
                }, 10);
              });
            };
          }
        });
      }
      window.google = { script: { run: makeRunner(null, null) } };
    })();`;
  // The stub goes first in <head>, as HtmlService's own client script does.
  const withStub = html.replace('<head>', () => `<head><script>${stub}</script>`);
  if (withStub === html) throw new Error('sidebar.html has no <head>');
  await page.setContent(withStub);
  return { page, calls, dialogs };
}
