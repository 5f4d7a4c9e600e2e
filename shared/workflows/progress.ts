import type { ProgressListener, ProgressUpdate, WorkflowPhase } from '../host';
import { translate, type Locale } from '../i18n/translate';
import { uiMessages } from '../i18n/ui-messages';

/** Share of the single progress bar each phase covers, as [start, end) in 0..1. */
const PHASE_SPAN: Readonly<Record<WorkflowPhase, readonly [number, number]>> = {
  reading: [0, 0.2],
  detecting: [0.2, 0.3],
  computing: [0.3, 0.6],
  writing: [0.6, 1],
  done: [1, 1],
};

/** The status line of each phase, in `uiMessages`. */
const PHASE_MESSAGE: Readonly<Record<WorkflowPhase, keyof typeof uiMessages & string>> = {
  reading: 'phaseReading',
  detecting: 'phaseDetecting',
  computing: 'phaseComputing',
  writing: 'phaseWriting',
  done: 'phaseDone',
};

/**
 * A progress update for `done` of `total` units in `phase`, with the overall fraction 0..1 from
 * the phase spans above. Example: `progressUpdate('writing', 1, 2).fraction` is 0.8.
 */
export function progressUpdate(phase: WorkflowPhase, done: number, total: number): ProgressUpdate {
  const [start, end] = PHASE_SPAN[phase];
  const part = total > 0 ? Math.min(1, Math.max(0, done / total)) : 1;
  return { phase, done, total, fraction: start + (end - start) * part };
}

/**
 * The localised status line of an update's phase (`uiMessages.phaseReading` ...).
 * Example: `progressMessage(progressUpdate('done', 1, 1), 'en')` is `Done.`.
 */
export function progressMessage(update: ProgressUpdate, locale: Locale): string {
  return translate(uiMessages, PHASE_MESSAGE[update.phase], locale);
}

/** Sends an update to the caller's listener and the host's own sink, when present. */
export function emitProgress(
  listeners: readonly (ProgressListener | undefined)[],
  update: ProgressUpdate,
): void {
  for (const listener of listeners) listener?.(update);
}
