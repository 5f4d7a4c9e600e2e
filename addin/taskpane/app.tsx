import {
  Button,
  Checkbox,
  Field,
  Input,
  ProgressBar,
  Radio,
  RadioGroup,
  Select,
  Text,
  Title3,
  makeStyles,
  tokens,
  useId,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { parseIsoDay } from '../../shared/calendar/calendar-day';
import type { ProgressUpdate, RegionSource, SpreadsheetHost, TableInfo } from '../../shared/host';
import { translate, type Locale } from '../../shared/i18n/translate';
import { uiMessages, type UiMessageId } from '../../shared/i18n/ui-messages';
import type { ColumnMapping, ColumnRole, DateSystem } from '../../shared/sheet-data/types';
import { columnRoleMessageId } from '../../shared/sheet-data/column-role-label';
import { ANALYSIS_IDS, type AnalysisId } from '../../shared/workflows/analyses';
import { offeredColumnRoles } from '../../shared/workflows/offered-column-roles';
import {
  detectColumns,
  detectedRegionSource,
  type ColumnDetection,
} from '../../shared/workflows/detect-columns';
import {
  runAnalyses,
  type RunAnalysesResult,
  type WriteMode,
} from '../../shared/workflows/run-analyses';
import type { WorkflowEngine } from '../../shared/workflows/workflow-engine';

export interface AppProps {
  readonly host: SpreadsheetHost;
  readonly locale: Locale;
  /** Analyses the core offers; the others are shown disabled with a note. */
  readonly available: ReadonlySet<AnalysisId>;
  /** The workbook's date system as far as known (the user can switch it). */
  readonly dateSystem: DateSystem;
  readonly onDateSystemChange?: (system: DateSystem) => void;
  /** Where reading and analysing run (the task pane uses a Web Worker). */
  readonly engine: WorkflowEngine;
}

const ANALYSIS_LABEL: Readonly<Record<AnalysisId, UiMessageId>> = {
  rfm: 'analysisRfm',
  abcXyz: 'analysisAbcXyz',
  alerts: 'analysisAlerts',
  lostClients: 'analysisLostClients',
  cohorts: 'analysisCohorts',
  migration: 'analysisMigration',
  managers: 'analysisManagers',
  clv: 'analysisClv',
};

const PHASE_LABEL: Readonly<Record<ProgressUpdate['phase'], UiMessageId>> = {
  reading: 'phaseReading',
  detecting: 'phaseDetecting',
  computing: 'phaseComputing',
  writing: 'phaseWriting',
  done: 'phaseDone',
};

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '12px', padding: '12px' },
  section: { display: 'flex', flexDirection: 'column', gap: '6px' },
  heading: { margin: 0 },
  // A native select is as wide as its longest option ("Current region (around the selected
  // cell)", longer in Russian): let it shrink to the pane, the option text cut with an ellipsis.
  shrink: { minWidth: 0, maxWidth: '100%' },
  select: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  error: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

function sourceOf(value: string): RegionSource {
  if (value === 'used-range') return { kind: 'used-range' };
  if (value.startsWith('table:')) return { kind: 'table', name: value.slice('table:'.length) };
  return { kind: 'current-region' };
}

/**
 * The task pane: pick the data, check the detected columns, choose analyses, as-of day and
 * output, run with a progress bar. It talks only to `SpreadsheetHost` and `shared/workflows`, so
 * the same component runs in Excel and against a fake workbook in the browser test.
 */
export function App(props: AppProps): ReactElement {
  const { host, locale, available } = props;
  const t = (id: UiMessageId, params?: Readonly<Record<string, string | number>>): string =>
    translate(uiMessages, id, locale, params);
  const styles = useStyles();
  const outputHeadingId = useId('output-heading');
  const [tables, setTables] = useState<readonly TableInfo[]>([]);
  const [source, setSource] = useState('current-region');
  const [detection, setDetection] = useState<ColumnDetection | undefined>();
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [analyses, setAnalyses] = useState<ReadonlySet<AnalysisId>>(new Set<AnalysisId>(['rfm']));
  const [asOfText, setAsOfText] = useState('');
  const [dateSystem, setDateSystem] = useState<DateSystem>(props.dateSystem);
  const [mode, setMode] = useState<WriteMode>('sheets');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ProgressUpdate | undefined>();
  const [result, setResult] = useState<RunAnalysesResult | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    host.listTables().then(setTables, () => setTables([]));
  }, [host]);

  const asOf = useMemo(
    () => (asOfText.trim() === '' ? undefined : parseIsoDay(asOfText)),
    [asOfText],
  );
  const asOfInvalid = asOfText.trim() !== '' && asOf === undefined;

  const fail = (e: unknown): void => {
    setError(e instanceof Error ? e.message : t('errorUnexpected', { message: String(e) }));
  };

  const detect = async (): Promise<void> => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const found = await detectColumns(
        host,
        { source: sourceOf(source), locale, dateSystem },
        props.engine,
      );
      setDetection(found);
      setMapping(found.mapping);
    } catch (e) {
      setDetection(undefined);
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const run = async (): Promise<void> => {
    if (busy || !detection || asOfInvalid) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const done = await runAnalyses(
        host,
        {
          // The region the user saw detected: the first run brings its summary sheet to the
          // front, so "the current region" would be read from there.
          source: detectedRegionSource(detection),
          mapping,
          headerRow: detection.headerRow,
          analyses: ANALYSIS_IDS.filter((a) => analyses.has(a)),
          mode,
          locale,
          dateSystem,
          withJson: false,
          ...(asOf !== undefined ? { asOf } : {}),
        },
        setProgress,
        props.engine,
      );
      setResult(done);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const setRole = (role: ColumnRole, value: string): void => {
    const next: Partial<Record<ColumnRole, number>> = { ...mapping };
    if (value === '') delete next[role];
    else next[role] = Number(value);
    setMapping(next);
  };

  const toggle = (id: AnalysisId, on: boolean): void => {
    const next = new Set(analyses);
    if (on) next.add(id);
    else next.delete(id);
    setAnalyses(next);
  };

  const headers = detection?.headers ?? [];
  return (
    <div className={styles.root} data-testid="taskpane">
      <Title3 as="h1">{t('appTitle')}</Title3>
      <Text className={styles.muted}>{t('appSubtitle')}</Text>

      <section className={styles.section}>
        <Text as="h2" weight="semibold" className={styles.heading}>
          {t('stepData')}
        </Text>
        <Field label={t('sourceLabel')} className={styles.shrink}>
          <Select
            data-testid="source"
            className={styles.shrink}
            select={{ className: styles.select }}
            value={source}
            onChange={(_, d) => setSource(d.value)}
          >
            <option value="current-region">{t('sourceCurrentRegion')}</option>
            <option value="used-range">{t('sourceUsedRange')}</option>
            {tables.map((table) => (
              <option key={table.name} value={`table:${table.name}`}>
                {t('sourceTable', { name: table.name })}
              </option>
            ))}
          </Select>
        </Field>
        <Checkbox
          data-testid="date1904"
          label={t('date1904Label')}
          checked={dateSystem === '1904'}
          onChange={(_, d) => {
            const system: DateSystem = d.checked === true ? '1904' : '1900';
            setDateSystem(system);
            props.onDateSystemChange?.(system);
          }}
        />
        <Button
          data-testid="detect"
          appearance="secondary"
          // Focusable while busy, so the focus stays on the button the user pressed.
          disabledFocusable={busy}
          onClick={() => void detect()}
        >
          {t('detectButton')}
        </Button>
        {detection && (
          <div data-testid="detection">
            <Text block>
              {t('detectedRegion', {
                sheet: detection.region.sheetName,
                address: detection.region.address,
                rows: detection.dataRowCount,
                header: detection.headerRow,
              })}
            </Text>
            {detection.notes.length === 0 && (
              // The reader's first note states the shape and why; without notes (columns not
              // all found) the pane says which shape it assumes.
              <Text block>
                {t(detection.shape === 'transactions' ? 'shapeTransactions' : 'shapeClients')}
              </Text>
            )}
            {detection.notes.map((note, i) => (
              <Text block key={i} className={styles.muted}>
                {note}
              </Text>
            ))}
            {detection.problem !== undefined && (
              <Text block data-testid="detect-problem" className={styles.error}>
                {detection.problem}
              </Text>
            )}
            {detection.rejectedRowCount > 0 && (
              <Text block>{t('rejectedRows', { count: detection.rejectedRowCount })}</Text>
            )}
          </div>
        )}
      </section>

      {detection && (
        <section className={styles.section}>
          <Text as="h2" weight="semibold" className={styles.heading}>
            {t('stepColumns')}
          </Text>
          {offeredColumnRoles(detection.shape, detection.mapping).map(({ role, required }) => (
            <Field
              key={role}
              label={t(columnRoleMessageId(role))}
              orientation="horizontal"
              required={required}
              className={styles.shrink}
            >
              <Select
                data-testid={`role-${role}`}
                className={styles.shrink}
                select={{ className: styles.select }}
                value={mapping[role] === undefined ? '' : String(mapping[role])}
                onChange={(_, d) => setRole(role, d.value)}
              >
                <option value="">{t('columnNone')}</option>
                {headers.map((header, i) => (
                  <option key={i} value={String(i)}>
                    {header === '' ? `#${i + 1}` : header}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </section>
      )}

      <section className={styles.section}>
        <Text as="h2" weight="semibold" className={styles.heading}>
          {t('stepAnalyses')}
        </Text>
        {ANALYSIS_IDS.map((id) => {
          const enabled = available.has(id);
          return (
            <Checkbox
              key={id}
              data-testid={`analysis-${id}`}
              disabled={!enabled}
              checked={enabled && analyses.has(id)}
              onChange={(_, d) => toggle(id, d.checked === true)}
              label={
                enabled
                  ? t(ANALYSIS_LABEL[id])
                  : `${t(ANALYSIS_LABEL[id])} (${t('analysisNotAvailable')})`
              }
            />
          );
        })}
        <Field
          label={t('asOfLabel')}
          hint={t('asOfHint')}
          validationState={asOfInvalid ? 'error' : 'none'}
          {...(asOfInvalid ? { validationMessage: t('asOfInvalid') } : {})}
        >
          <Input
            data-testid="asOf"
            value={asOfText}
            placeholder="2024-12-31"
            onChange={(_, d) => setAsOfText(d.value)}
          />
        </Field>
      </section>

      <section className={styles.section}>
        <Text as="h2" weight="semibold" className={styles.heading} id={outputHeadingId}>
          {t('stepOutput')}
        </Text>
        <RadioGroup
          aria-labelledby={outputHeadingId}
          value={mode}
          onChange={(_, d) => setMode(d.value as WriteMode)}
        >
          <Radio data-testid="mode-sheets" value="sheets" label={t('modeSheets')} />
          <Radio data-testid="mode-annotate" value="annotate" label={t('modeAnnotate')} />
        </RadioGroup>
        <Button
          data-testid="run"
          appearance="primary"
          disabled={!busy && (!detection || asOfInvalid || analyses.size === 0)}
          disabledFocusable={busy}
          onClick={() => void run()}
        >
          {t('runButton')}
        </Button>
        {progress && (busy || result) && (
          <Field label={t(PHASE_LABEL[progress.phase])}>
            <ProgressBar data-testid="progress" value={progress.fraction} max={1} />
          </Field>
        )}
        {/* Always present, so screen readers announce the result when it appears. */}
        <div role="status" aria-live="polite" data-testid="status">
          {result && (
            <Text block data-testid="result">
              {result.mode === 'sheets'
                ? t('resultSheets', {
                    clients: result.clientCount,
                    sheets: result.sheets.map((s) => s.name).join(', '),
                  })
                : t('resultAnnotate', {
                    clients: result.clientCount,
                    address: result.annotation?.address ?? '',
                  })}
              {result.annotation?.insertedColumns === true ? ` ${t('resultInserted')}` : ''}
            </Text>
          )}
          {result && result.rejectedRowCount > 0 && (
            <Text block data-testid="result-rejected">
              {t('resultRejectedRows', { count: result.rejectedRowCount })}
            </Text>
          )}
          {result && result.deletedSheets.length > 0 && (
            <Text block data-testid="result-deleted">
              {t('resultSheetsDeleted', { sheets: result.deletedSheets.join(', ') })}
            </Text>
          )}
        </div>
        {error !== undefined && (
          <Text block role="alert" data-testid="error" className={styles.error}>
            {error}
          </Text>
        )}
      </section>
    </div>
  );
}
