import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { SpreadsheetHost } from '../../shared/host';
import type { Locale } from '../../shared/i18n/translate';
import type { DateSystem } from '../../shared/sheet-data/types';
import { detectAvailableAnalyses } from '../../shared/workflows/available-analyses';
import type { WorkflowEngine } from '../../shared/workflows/workflow-engine';
import { App } from './app';
import { workerEngine } from './worker-engine';

export interface MountOptions {
  readonly locale: Locale;
  /** Where to render (default: `#root`). */
  readonly container?: HTMLElement;
  readonly dateSystem?: DateSystem;
  readonly onDateSystemChange?: (system: DateSystem) => void;
  /** Default: a Web Worker (`workerEngine`). */
  readonly engine?: WorkflowEngine;
}

/**
 * Renders the task pane against any `SpreadsheetHost`: Excel's in the add-in, a fake workbook in
 * the headless-browser test. Returns a function that unmounts it.
 */
export function mountTaskpane(host: SpreadsheetHost, options: MountOptions): () => void {
  const container = options.container ?? document.getElementById('root');
  if (!container) throw new Error('No element to render the task pane into.');
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App
        host={host}
        locale={options.locale}
        available={detectAvailableAnalyses()}
        dateSystem={options.dateSystem ?? '1900'}
        engine={options.engine ?? workerEngine()}
        {...(options.onDateSystemChange !== undefined
          ? { onDateSystemChange: options.onDateSystemChange }
          : {})}
      />
    </FluentProvider>,
  );
  return () => root.unmount();
}
