import fc from 'fast-check';
import { clientKeyOf, displayClientId, normaliseClientId } from '../../../shared/sheet-data';

describe('normaliseClientId', () => {
  it('trims, collapses inner spaces (regular, U+00A0, U+202F) and lower-cases (issue 2 rule)', () => {
    expect(normaliseClientId('  Анна   ПЕТРОВА ')).toBe('анна петрова');
    expect(normaliseClientId('Anna\u00a0\u00a0Petrova')).toBe('anna petrova');
    expect(normaliseClientId('\tANNA\u202fpetrova\n')).toBe('anna petrova');
    expect(displayClientId('  Anna   Petrova ')).toBe('Anna Petrova');
  });

  it('writes whole-number ids without a fraction: 1001 -> "1001"', () => {
    expect(normaliseClientId(1001)).toBe('1001');
    expect(normaliseClientId(12.5)).toBe('12.5');
  });

  it('gives the blank key for blank text', () => {
    expect(normaliseClientId('   ')).toBe('');
  });

  const letter = fc.constantFrom(
    ...'abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя0123456789',
  );
  const word = fc.array(letter, { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''));
  const space = fc.constantFrom(' ', '  ', '\u00a0', '\u202f', '\t', ' \u00a0 ');

  it('property: re-casing and re-spacing an id gives the same key', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.array(space, { minLength: 6, maxLength: 6 }),
        (words, upper, spaces) => {
          const plain = words.join(' ');
          let k = 0;
          const recased = words
            .map((w) =>
              [...w]
                .map((c) => (upper[k++ % upper.length] ? c.toLocaleUpperCase('ru') : c))
                .join(''),
            )
            .map((w, i) => w + (i < words.length - 1 ? (spaces[i % spaces.length] ?? ' ') : ''))
            .join('');
          const messy = `${spaces[4] ?? ''}${recased}${spaces[5] ?? ''}`;
          expect(normaliseClientId(messy)).toBe(normaliseClientId(plain));
          expect(normaliseClientId(messy)).toBe(plain);
        },
      ),
    );
  });

  it('clientKeyOf lower-cases as the Russian locale does (Unicode SpecialCasing: no ru rules), on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(clientKeyOf(text)).toBe(text.toLocaleLowerCase('ru'));
      }),
      { numRuns: 2000 },
    );
    expect(clientKeyOf('ЁЛКА İ Σ')).toBe('ёлка i̇ σ');
  });

  it('displayClientId keeps plain ids as they are and collapses white space otherwise, on any text (reference: the regular expression alone)', () => {
    const reference = (text: string) =>
      text.replace(/[\s\u00a0\u202f\u2007\u2009\ufeff]+/g, ' ').trim();
    const char = fc.constantFrom(
      ...'aZ09#-_.Ёё Жж\t\n\u00a0\u202f\u2007\u2009\ufeff\u3000\u0085\u0001',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(char, { maxLength: 12 }).map((c) => c.join('')),
          fc.string(),
        ),
        (text) => {
          expect(displayClientId(text)).toBe(reference(text));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
