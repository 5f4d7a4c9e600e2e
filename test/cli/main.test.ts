import { cliLocale, COMMANDS } from '../../cli/main';

describe('cliLocale', () => {
  it('takes --locale first, in both spellings', () => {
    expect(cliLocale(['--locale', 'ru'], {})).toBe('ru');
    expect(cliLocale(['analyze', 'a.csv', '--locale=ru'], { LANG: 'en_US.UTF-8' })).toBe('ru');
    expect(cliLocale(['--locale', 'en'], { LANG: 'ru_RU.UTF-8' })).toBe('en');
  });

  it('then CLIENTBASE_LOCALE, LC_ALL, LC_MESSAGES, LANG (POSIX tags such as ru_RU.UTF-8)', () => {
    expect(cliLocale([], { LANG: 'ru_RU.UTF-8' })).toBe('ru');
    expect(cliLocale([], { CLIENTBASE_LOCALE: 'en', LANG: 'ru_RU.UTF-8' })).toBe('en');
    expect(cliLocale([], { LC_ALL: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' })).toBe('ru');
    expect(cliLocale([], {})).toBe('en');
  });

  it('ignores an invalid --locale value (the command reports it) and falls back', () => {
    expect(cliLocale(['--locale', 'de'], { LANG: 'ru_RU.UTF-8' })).toBe('ru');
  });
});

describe('COMMANDS', () => {
  it('maps each name to the command of that name, with en and ru help', () => {
    for (const [name, command] of Object.entries(COMMANDS)) {
      expect(command.name).toBe(name);
      expect(command.help.en.length).toBeGreaterThan(0);
      expect(command.help.ru.length).toBeGreaterThan(0);
    }
  });
});
