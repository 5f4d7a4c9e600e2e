import { AnalyticsError, rejectedRowsOfError } from '../shared/errors';
import { localeFromTag, translate, type Locale } from '../shared/i18n';
import { CLI_MESSAGES } from '../shared/report/cli-messages';
import { CliError } from './cli-error';
import type { CliCommand, CliContext } from './command';
import { rejectedRowLines } from './rejected-row-lines';
import { analyzeCommand } from './commands/analyze';
import { clvCommand } from './commands/clv';

/**
 * The command table: name -> command. To add a command, write a module in `cli/commands/`
 * exporting a `CliCommand`, import it above and add its line here.
 */
export const COMMANDS: Readonly<Record<string, CliCommand>> = {
  analyze: analyzeCommand,
  clv: clvCommand,
};

/**
 * The message locale: `--locale en|ru` anywhere in the arguments wins (an invalid value falls
 * back, and the command reports it), then `CLIENTBASE_LOCALE`, `LC_ALL`, `LC_MESSAGES`, `LANG`.
 * Example: `cliLocale(['--locale', 'ru'], {})` is `'ru'` (tested).
 */
export function cliLocale(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Locale {
  for (const [index, arg] of args.entries()) {
    const value =
      arg === '--locale' ? args[index + 1] : arg.startsWith('--locale=') ? arg.slice(9) : undefined;
    if (value === 'en' || value === 'ru') return value;
  }
  const tag = env['CLIENTBASE_LOCALE'] || env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'];
  // POSIX tags are written `ru_RU.UTF-8`.
  return localeFromTag(tag?.replace(/_/g, '-'));
}

function mainHelp(locale: Locale): string {
  const lines: string[] = [];
  for (const [name, command] of Object.entries(COMMANDS)) {
    lines.push(`  ${name.padEnd(10)} ${command.summary[locale]}`);
  }
  return translate(CLI_MESSAGES, 'mainHelp', locale, { commands: lines.join('\n') });
}

/**
 * Rejected rows listed after an error that carries them (every row rejected): no report is
 * written then, so the terminal is the only place the user sees why, hence more than the summary's.
 */
const REJECTED_SHOWN_ON_ERROR = 20;

function errorText(error: unknown, locale: Locale): string {
  if (error instanceof CliError)
    return translate(CLI_MESSAGES, error.messageId, locale, error.params);
  if (error instanceof AnalyticsError) return error.message;
  const reason = error instanceof Error ? error.message : String(error);
  return translate(CLI_MESSAGES, 'unexpected', locale, { reason });
}

/**
 * Runs `clientbase` with the given arguments and returns the exit code: 0 on success, 1 on a user
 * mistake or failure (one localized line on stderr, no stack trace unless CLIENTBASE_DEBUG is set;
 * when every row of the input was rejected, the rejected rows follow that line).
 * Example: `runCli(['--help'], context)` prints the command list and returns 0 (tested).
 */
export async function runCli(
  args: readonly string[],
  context: Omit<CliContext, 'locale'> & {
    readonly env?: Readonly<Record<string, string | undefined>>;
  },
): Promise<number> {
  const env = context.env ?? {};
  const locale = cliLocale(args, env);
  const commandContext: CliContext = {
    locale,
    cwd: context.cwd,
    stdout: context.stdout,
    stderr: context.stderr,
  };
  try {
    const [name, ...rest] = args;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      if (name === undefined) {
        context.stderr(
          translate(CLI_MESSAGES, 'errorLine', locale, {
            message: translate(CLI_MESSAGES, 'missingCommand', locale),
          }),
        );
        return 1;
      }
      context.stdout(mainHelp(locale));
      return 0;
    }
    const command = Object.prototype.hasOwnProperty.call(COMMANDS, name)
      ? COMMANDS[name]
      : undefined;
    if (command === undefined) throw new CliError('unknownCommand', { command: name });
    if (rest.includes('--help') || rest.includes('-h')) {
      context.stdout(command.help[locale]);
      return 0;
    }
    return await command.run(rest, commandContext);
  } catch (error) {
    context.stderr(
      translate(CLI_MESSAGES, 'errorLine', locale, { message: errorText(error, locale) }),
    );
    for (const line of rejectedRowLines(
      rejectedRowsOfError(error),
      REJECTED_SHOWN_ON_ERROR,
      locale,
    )) {
      context.stderr(line);
    }
    if (env['CLIENTBASE_DEBUG'] && error instanceof Error && error.stack)
      context.stderr(error.stack);
    return 1;
  }
}

if (require.main === module) {
  // `clientbase analyze big.csv | head` closes the pipe early; that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  void runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
  }).then((code) => {
    process.exitCode = code;
  });
}
