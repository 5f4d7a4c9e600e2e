import { CliError } from './cli-error';

export type OptionType = 'string' | 'boolean';

/** Option name (without `--`) -> its type; `aliases` maps short forms such as `h` to names. */
export interface OptionSpec {
  readonly options: Readonly<Record<string, OptionType>>;
  readonly aliases?: Readonly<Record<string, string>>;
}

export interface ParsedOptions {
  readonly positionals: readonly string[];
  readonly strings: Readonly<Record<string, string>>;
  readonly flags: ReadonlySet<string>;
}

/**
 * Splits command arguments into positionals, `--name value` / `--name=value` strings and
 * `--flag` booleans; `--` ends the options. The last repeat of an option wins.
 * Throws `CliError` `unknownOption`, `optionNeedsValue` or `optionTakesNoValue`; `command` names
 * the command in those messages.
 * Example: `parseOptions(['a.csv', '--as-of=2025-01-01', '-h'], spec, 'analyze')` gives
 * positionals `['a.csv']`, strings `{ 'as-of': '2025-01-01' }` and the flag `help` (tested).
 */
export function parseOptions(
  args: readonly string[],
  spec: OptionSpec,
  command: string,
): ParsedOptions {
  const positionals: string[] = [];
  const strings: Record<string, string> = {};
  const flags = new Set<string>();
  let index = 0;
  while (index < args.length) {
    const arg = args[index] ?? '';
    index += 1;
    if (arg === '--') {
      positionals.push(...args.slice(index));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    const rawName = arg
      .replace(/^--?/, '')
      .slice(0, equals < 0 ? undefined : equals - (arg.startsWith('--') ? 2 : 1));
    const name = spec.aliases?.[rawName] ?? rawName;
    const type = spec.options[name];
    const shown = equals < 0 ? arg : arg.slice(0, equals);
    if (type === undefined || (!arg.startsWith('--') && spec.aliases?.[rawName] === undefined)) {
      throw new CliError('unknownOption', { option: shown, command });
    }
    if (type === 'boolean') {
      if (equals >= 0) throw new CliError('optionTakesNoValue', { option: shown });
      flags.add(name);
      continue;
    }
    if (equals >= 0) {
      strings[name] = arg.slice(equals + 1);
      continue;
    }
    const value = args[index];
    if (value === undefined || (value.startsWith('--') && value.length > 2)) {
      throw new CliError('optionNeedsValue', { option: shown });
    }
    strings[name] = value;
    index += 1;
  }
  return { positionals, strings, flags };
}
