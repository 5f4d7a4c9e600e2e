import { formatTemplate, translate } from '../../shared/i18n';
import type { Locale } from '../../shared/i18n';
import { sidebarMessages, type SidebarMessageId } from '../../shared/i18n/sidebar-messages';
import { uiMessages, type UiMessageId } from '../../shared/i18n/ui-messages';
import type { RegionSource } from '../../shared/host';
import type { ColumnMapping } from '../../shared/sheet-data/types';
import { columnRoleMessageId } from '../../shared/sheet-data/column-role-label';
import type { AnalysisId, ColumnDetection, WriteMode } from '../../shared/workflows';
import { ANALYSIS_IDS } from '../../shared/workflows/analyses';
import { offeredColumnRoles } from '../../shared/workflows/offered-column-roles';
import type { RunCursor, RunRequest, RunStepResult, SidebarState } from '../server-api';
import { callServer } from './call-server';

/**
 * The sidebar: the task pane's workflow (detect columns, fix the mapping, choose analyses, run
 * with progress, read each segment's meaning and action) in plain DOM. All user data (headers,
 * sheet names, client names, notes) goes in through `textContent` or option labels, never as
 * HTML, so a client named `<img src=x onerror=alert(1)>` shows as that text.
 */

const ANALYSIS_LABELS: Readonly<Record<AnalysisId, UiMessageId>> = {
  rfm: 'analysisRfm',
  abcXyz: 'analysisAbcXyz',
  alerts: 'analysisAlerts',
  lostClients: 'analysisLostClients',
  cohorts: 'analysisCohorts',
  migration: 'analysisMigration',
  managers: 'analysisManagers',
  clv: 'analysisClv',
};

interface UiState {
  locale: Locale;
  detection: ColumnDetection | null;
  mapping: ColumnMapping;
  running: boolean;
}

const state: UiState = { locale: 'en', detection: null, mapping: {}, running: false };

function ui(id: UiMessageId, params?: Record<string, string | number>): string {
  return translate(uiMessages, id, state.locale, params);
}
function sb(id: SidebarMessageId, params?: Record<string, string | number>): string {
  return translate(sidebarMessages, id, state.locale, params);
}

/** Creates an element with text content (never HTML) and optional attributes. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  attrs: Record<string, string> = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`Missing #${id}`);
  return node as T;
}

/**
 * Shows the error right after `near` (the action the user took, or its status line), so it is
 * read where the user is looking, and scrolls it into view in a short sidebar. The box is
 * `role="alert"`, so a screen reader announces it without moving the focus off the button.
 */
function showError(error: unknown, near: HTMLElement): void {
  const box = byId<HTMLDivElement>('error');
  box.textContent = error instanceof Error ? error.message : String(error);
  near.after(box);
  box.hidden = false;
  box.scrollIntoView({ block: 'nearest' });
}

function clearError(): void {
  const box = byId<HTMLDivElement>('error');
  box.textContent = '';
  box.hidden = true;
}

function render(root: HTMLElement, sidebar: SidebarState): void {
  root.textContent = '';
  root.append(el('h1', ui('appTitle')), el('p', ui('appSubtitle'), { class: 'muted' }));
  const error = el('div', '', { id: 'error', class: 'error', role: 'alert' });
  error.hidden = true;
  root.append(error);

  // 1. Data
  root.append(el('h2', ui('stepData')));
  const source = el('select', undefined, { id: 'source', 'aria-label': ui('sourceLabel') });
  source.append(
    el('option', ui('sourceCurrentRegion'), { value: 'current-region' }),
    el('option', `${ui('sourceUsedRange')} (${sidebar.activeSheetName})`, { value: 'used-range' }),
  );
  root.append(el('label', ui('sourceLabel'), { for: 'source' }), source);
  const detect = el('button', ui('detectButton'), { id: 'detect', type: 'button' });
  root.append(detect, el('div', '', { id: 'detection' }));

  // 2. Columns
  root.append(
    el('h2', ui('stepColumns')),
    el('div', sb('detectFirst'), { id: 'columns', class: 'muted' }),
  );

  // 3. Analyses
  root.append(el('h2', ui('stepAnalyses')));
  const analyses = el('div', undefined, { id: 'analyses' });
  for (const id of ANALYSIS_IDS) {
    const available = sidebar.availableAnalyses.includes(id);
    const box = el('input', undefined, { type: 'checkbox', value: id, id: `analysis-${id}` });
    box.checked = id === 'rfm' || id === 'abcXyz';
    box.disabled = !available;
    const label = el('label');
    label.append(box, document.createTextNode(` ${ui(ANALYSIS_LABELS[id])}`));
    if (!available)
      label.append(el('span', ` — ${ui('analysisNotAvailable')}`, { class: 'muted' }));
    analyses.append(label);
  }
  root.append(analyses);
  const asOf = el('input', undefined, {
    id: 'as-of',
    type: 'text',
    placeholder: sb('asOfPlaceholder'),
    'aria-describedby': 'as-of-hint',
  });
  root.append(
    el('label', ui('asOfLabel'), { for: 'as-of' }),
    asOf,
    el('div', ui('asOfHint'), { id: 'as-of-hint', class: 'muted' }),
  );

  // 4. Output
  root.append(el('h2', ui('stepOutput')));
  for (const [mode, label] of [
    ['sheets', ui('modeSheets')],
    ['annotate', ui('modeAnnotate')],
  ] as const) {
    const radio = el('input', undefined, {
      type: 'radio',
      name: 'mode',
      value: mode,
      id: `mode-${mode}`,
    });
    radio.checked = mode === 'sheets';
    const wrap = el('label');
    wrap.append(radio, document.createTextNode(` ${label}`));
    root.append(wrap);
  }
  const run = el('button', ui('runButton'), { id: 'run', type: 'button' });
  run.disabled = true;
  const progress = el('progress', undefined, { id: 'progress', max: '1', value: '0' });
  progress.hidden = true;
  root.append(run, progress, el('div', '', { id: 'status', role: 'status' }));

  // 5. Results
  root.append(el('div', '', { id: 'results' }));

  detect.addEventListener('click', () => void onDetect());
  run.addEventListener('click', () => void onRun());
}

function selectedSource(): RegionSource {
  const value = byId<HTMLSelectElement>('source').value;
  return value === 'used-range' ? { kind: 'used-range' } : { kind: 'current-region' };
}

function renderDetection(detection: ColumnDetection): void {
  const box = byId<HTMLDivElement>('detection');
  box.textContent = '';
  box.append(
    el(
      'p',
      ui('detectedRegion', {
        sheet: detection.region.sheetName,
        address: detection.region.address,
        rows: detection.dataRowCount,
        header: detection.headerRow,
      }),
    ),
  );
  // The reader's first note states the shape and why; without notes (columns not all found)
  // the sidebar says which shape it assumes, as the task pane does.
  if (detection.notes.length === 0) {
    box.append(
      el('p', ui(detection.shape === 'transactions' ? 'shapeTransactions' : 'shapeClients')),
    );
  }
  if (!detection.complete && detection.problem !== undefined) {
    box.append(el('p', detection.problem, { class: 'error' }));
  }
  if (detection.rejectedRowCount > 0) {
    box.append(
      el('p', ui('rejectedRows', { count: detection.rejectedRowCount }), { class: 'muted' }),
    );
  }
  for (const note of detection.notes) box.append(el('p', note, { class: 'muted' }));

  const columns = byId<HTMLDivElement>('columns');
  columns.textContent = '';
  columns.className = '';
  for (const { role, required } of offeredColumnRoles(detection.shape, detection.mapping)) {
    const row = el('div', undefined, { class: 'row' });
    const select = el('select', undefined, {
      'data-role': role,
      'aria-label': ui(columnRoleMessageId(role)),
      // The reader cannot read the shape without it, as the task pane marks it too.
      ...(required ? { 'aria-required': 'true', required: '' } : {}),
    });
    select.append(el('option', ui('columnNone'), { value: '' }));
    detection.headers.forEach((header, index) => {
      const option = el('option', header === '' ? `#${index + 1}` : header, {
        value: String(index),
      });
      select.append(option);
    });
    const mapped = detection.mapping[role];
    select.value = mapped === undefined ? '' : String(mapped);
    select.addEventListener('change', () => {
      const next: ColumnMapping = { ...state.mapping };
      if (select.value === '') delete next[role];
      else next[role] = Number(select.value);
      state.mapping = next;
    });
    const label = ui(columnRoleMessageId(role));
    row.append(el('span', required ? `${label} *` : label), select);
    columns.append(row);
  }
}

async function onDetect(): Promise<void> {
  clearError();
  const detect = byId<HTMLButtonElement>('detect');
  detect.disabled = true;
  try {
    const detection = await callServer('detectColumns', { source: selectedSource() });
    state.detection = detection;
    state.mapping = { ...detection.mapping };
    renderDetection(detection);
    byId<HTMLButtonElement>('run').disabled = false;
  } catch (error) {
    showError(error, detect);
  } finally {
    detect.disabled = false;
  }
}

function chosenAnalyses(): AnalysisId[] {
  return ANALYSIS_IDS.filter((id) => {
    const box = document.getElementById(`analysis-${id}`) as HTMLInputElement | null;
    return box !== null && box.checked && !box.disabled;
  });
}

function chosenMode(): WriteMode {
  const checked = document.querySelector<HTMLInputElement>('input[name="mode"]:checked');
  return checked?.value === 'annotate' ? 'annotate' : 'sheets';
}

function renderResults(result: RunStepResult, mode: WriteMode): void {
  const box = byId<HTMLDivElement>('results');
  box.textContent = '';
  box.append(el('h2', sb('stepResults')));
  if (mode === 'annotate') {
    box.append(
      el(
        'p',
        ui('resultAnnotate', {
          clients: result.clientCount,
          address: result.annotationAddress ?? '',
        }),
      ),
    );
    if (result.insertedColumns) box.append(el('p', ui('resultInserted'), { class: 'muted' }));
  } else {
    box.append(
      el(
        'p',
        ui('resultSheets', {
          clients: result.clientCount,
          sheets: result.writtenSheets.join(', '),
        }),
      ),
    );
    if (result.deletedSheets.length > 0) {
      box.append(
        el('p', ui('resultSheetsDeleted', { sheets: result.deletedSheets.join(', ') }), {
          class: 'muted',
        }),
      );
    }
  }
  if (result.rejectedRowCount > 0) {
    box.append(
      el('p', ui('resultRejectedRows', { count: result.rejectedRowCount }), { class: 'muted' }),
    );
  }
  if (result.segments.length > 0) {
    box.append(el('h2', sb('segmentsTitle')));
    const list = el('div', undefined, { id: 'segments' });
    for (const segment of result.segments) {
      const item = el('div', undefined, { class: 'segment', 'data-segment': segment.segment });
      item.style.borderLeftColor = /^#[0-9A-Fa-f]{6}$/.test(segment.color)
        ? segment.color
        : '#cccccc';
      item.append(
        el('b', `${segment.name} — ${sb('segmentClients', { count: segment.clients })}`),
        el('div', sb('segmentMeaning', { text: segment.meaning })),
        el('div', sb('segmentAction', { text: segment.action })),
      );
      if (segment.examples.length > 0) {
        item.append(
          el('div', sb('segmentExamples', { names: segment.examples.join(', ') }), {
            class: 'muted examples',
          }),
        );
      }
      list.append(item);
    }
    box.append(list);
  }
}

async function onRun(): Promise<void> {
  if (state.running) return;
  clearError();
  const status = byId<HTMLDivElement>('status');
  if (state.detection === null) {
    showError(new Error(sb('detectFirst')), status);
    return;
  }
  const asOfText = byId<HTMLInputElement>('as-of').value.trim();
  if (asOfText !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(asOfText)) {
    showError(new Error(ui('asOfInvalid')), status);
    return;
  }
  const mode = chosenMode();
  const region = state.detection.region;
  const request: RunRequest = {
    // The region the user saw detected, not "wherever the cursor is now".
    source: { kind: 'range', sheetName: region.sheetName, address: region.address },
    mapping: state.mapping,
    headerRow: state.detection.headerRow,
    analyses: chosenAnalyses(),
    mode,
    ...(asOfText !== '' ? { asOf: asOfText } : {}),
  };
  const run = byId<HTMLButtonElement>('run');
  const progress = byId<HTMLProgressElement>('progress');
  state.running = true;
  run.disabled = true;
  byId<HTMLDivElement>('results').textContent = '';
  progress.hidden = false;
  progress.value = 0;
  status.textContent = ui('phaseReading');
  try {
    let cursor: RunCursor | null = null;
    for (;;) {
      const step: RunStepResult = await callServer('runAnalysesStep', request, cursor);
      progress.value = step.fraction;
      status.textContent = sb('runStep', {
        message: step.message,
        percent: Math.round(step.fraction * 100),
      });
      if (step.done) {
        renderResults(step, mode);
        break;
      }
      cursor = step.cursor;
    }
  } catch (error) {
    // The error replaces the status line and the bar: nothing is in progress any more.
    status.textContent = '';
    progress.hidden = true;
    showError(error, status);
  } finally {
    state.running = false;
    run.disabled = false;
  }
}

async function start(): Promise<void> {
  const root = byId<HTMLDivElement>('app');
  root.textContent = translate(sidebarMessages, 'loading', localeGuess());
  try {
    const sidebar = await callServer('getSidebarState');
    state.locale = sidebar.locale;
    document.documentElement.lang = sidebar.locale;
    render(root, sidebar);
  } catch (error) {
    root.textContent = formatTemplate('{message}', {
      message: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Until the server answers: the browser's language. */
function localeGuess(): Locale {
  return /^ru\b/i.test(navigator.language) ? 'ru' : 'en';
}

void start();
