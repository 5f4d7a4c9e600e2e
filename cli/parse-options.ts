import { CliError } from './cli-error';

/** `string`: the last repeat wins; `list`: every repeat is kept, in order; `boolean`: a flag. */
export type OptionType = 'string' | 'list' | 'boolean';

/** Option name (without `--`) -> its type; `aliases` maps short forms such as `h` to names. */
export interface OptionSpec {
  readonly options: Readonly<Record<string, OptionType>>;
  readonly aliases?: Readonly<Record<string, string>>;
}

export interface ParsedOptions {
  readonly positionals: readonly string[];
  readonly strings: Readonly<Record<string, string>>;
  /** The values of `list` options given at least once. */
  readonly lists: Readonly<Record<string, readonly string[]>>;
  readonly flags: ReadonlySet<string>;
}

/**
 * Splits command arguments into positionals, `--name value` / `--name=value` strings and
 * `--flag` booleans; `--` ends the options. The last repeat of a string option wins; a list option
 * keeps each value (`--column a=B --column c=D`).
 * Throws `CliError` `unknownOption`, `optionNeedsValue` or `optionTakesNoValue`; `command` names
 * the command in those messages.
 * Example: `parseOptions(['a.csv', '--as-of=2025-01-01', '-h'], spec, 'analyze')` gives
 * positionals `['a.csv']`, strings `{ 'as-of': '2025-01-01' }` and the flag `help` (tested).
 * With `column: 'list'`, `['--column', 'amount=C', '--column=date=B']` gives lists
 * `{ column: ['amount=C', 'date=B'] }` (tested).
 */
export function parseOptions(
  args: readonly string[],
  spec: OptionSpec,
  command: string,
): ParsedOptions {
  const positionals: string[] = [];
  const strings: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  const set = (option: string, value: string) => {
    if (spec.options[option] === 'list') (lists[option] ??= []).push(value);
    else strings[option] = value;
  };
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
      set(name, arg.slice(equals + 1));
      continue;
    }
    const value = args[index];
    if (value === undefined || (value.startsWith('--') && value.length > 2)) {
      throw new CliError('optionNeedsValue', { option: shown });
    }
    set(name, value);
    index += 1;
  }
  return { positionals, strings, lists, flags };
}
