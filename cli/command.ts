import type { Locale, LocalizedText } from '../shared/i18n';

/** What a command may touch: its output streams, the working folder and the message locale. */
export interface CliContext {
  readonly locale: Locale;
  /** Folder that relative paths are resolved against. */
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/**
 * One `clientbase <name>` command. `run` returns the exit code; a user mistake is thrown as
 * `CliError` or `AnalyticsError` and printed by `runCli` as one line.
 */
export interface CliCommand {
  readonly name: string;
  /** One line for `clientbase --help`. */
  readonly summary: LocalizedText;
  /** Full help for `clientbase <name> --help`. */
  readonly help: LocalizedText;
  readonly run: (args: readonly string[], context: CliContext) => Promise<number>;
}
