import { CliError } from '../../cli/cli-error';
import { parseOptions, type OptionSpec } from '../../cli/parse-options';
import { thrownError } from '../thrown-error';

const SPEC: OptionSpec = {
  options: { 'as-of': 'string', out: 'string', help: 'boolean' },
  aliases: { h: 'help' },
};

const errorOf = (run: () => unknown): CliError | undefined => thrownError(run, CliError);

describe('parseOptions', () => {
  it('splits positionals, --name value, --name=value and flags', () => {
    const parsed = parseOptions(
      ['a.csv', '--as-of=2025-01-01', '-h', '--out', 'r.xlsx'],
      SPEC,
      'x',
    );
    expect(parsed.positionals).toEqual(['a.csv']);
    expect(parsed.strings).toEqual({ 'as-of': '2025-01-01', out: 'r.xlsx' });
    expect([...parsed.flags]).toEqual(['help']);
  });

  it('keeps every value of a list option, in order, in both spellings (the doc card example)', () => {
    const spec: OptionSpec = { options: { ...SPEC.options, column: 'list' } };
    const parsed = parseOptions(
      ['--column', 'amount=C', '--out', 'a', '--column=date=B', '--out', 'b'],
      spec,
      'x',
    );
    expect(parsed.lists).toEqual({ column: ['amount=C', 'date=B'] });
    // A string option still keeps its last repeat.
    expect(parsed.strings).toEqual({ out: 'b' });
    expect(parseOptions(['a.csv'], spec, 'x').lists).toEqual({});
    expect(errorOf(() => parseOptions(['--column'], spec, 'x'))?.messageId).toBe(
      'optionNeedsValue',
    );
  });

  it('treats everything after -- as positionals, also names starting with a dash', () => {
    expect(parseOptions(['--', '--odd.csv'], SPEC, 'x').positionals).toEqual(['--odd.csv']);
  });

  it('names the unknown option and the command', () => {
    expect(errorOf(() => parseOptions(['--outt', 'x'], SPEC, 'analyze'))).toMatchObject({
      messageId: 'unknownOption',
      params: { option: '--outt', command: 'analyze' },
    });
    expect(errorOf(() => parseOptions(['-x'], SPEC, 'analyze'))?.messageId).toBe('unknownOption');
  });

  it('needs a value for a string option, refuses one for a flag', () => {
    expect(errorOf(() => parseOptions(['--out'], SPEC, 'x'))?.messageId).toBe('optionNeedsValue');
    expect(errorOf(() => parseOptions(['--out', '--help'], SPEC, 'x'))?.messageId).toBe(
      'optionNeedsValue',
    );
    expect(errorOf(() => parseOptions(['--help=yes'], SPEC, 'x'))?.messageId).toBe(
      'optionTakesNoValue',
    );
  });
});
