import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  formatRoubles,
  formatRussianDate,
  generateSalonSample,
} from '../../scripts/generate-sample';
import { dayFromYmd } from '../../shared/calendar';

const SAMPLE = path.resolve(__dirname, '../../sample/salon-clients.csv');

describe('generateSalonSample', () => {
  it('regenerates the committed sample/salon-clients.csv byte for byte (seeded, deterministic)', () => {
    expect(generateSalonSample()).toBe(readFileSync(SAMPLE, 'utf8'));
  });

  it('gives a different file for another seed', () => {
    expect(generateSalonSample(7)).not.toBe(generateSalonSample());
  });

  it('writes the Russian header, dates and money a Russian spreadsheet exports', () => {
    const [header, first] = generateSalonSample().split('\n');
    expect(header).toBe('Номер заказа;Дата;Клиент;Мастер;Канал;Категория;Сумма, руб.');
    expect(first).toMatch(
      /^З-\d+;\d\d\.\d\d\.2023;[^;]+;[^;]+;[^;]+;[^;]+;[\d\u00a0]+,\d\d\u00a0₽$/,
    );
  });

  it('plants the dirty rows the issue asks for (31.02.2024, бесплатно, blank client, #N/A)', () => {
    const text = generateSalonSample();
    expect(text).toContain(';31.02.2024;');
    expect(text).toContain(';бесплатно\n');
    expect(text).toMatch(/;\d\d\.\d\d\.\d{4};;/);
    expect(text).toContain(';#N/A\n');
  });
});

describe('sample formatting helpers', () => {
  it('formats money with non-breaking group spaces and a comma (1234.5 -> "1 234,50 ₽")', () => {
    expect(formatRoubles(1234.5)).toBe('1\u00a0234,50\u00a0₽');
    expect(formatRoubles(-22000)).toBe('-22\u00a0000,00\u00a0₽');
    expect(formatRoubles(950)).toBe('950,00\u00a0₽');
  });

  it('formats dates as dd.mm.yyyy', () => {
    expect(formatRussianDate(dayFromYmd(2024, 12, 31))).toBe('31.12.2024');
    expect(formatRussianDate(dayFromYmd(2023, 1, 9))).toBe('09.01.2023');
  });
});
