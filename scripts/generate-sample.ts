/**
 * Generates `sample/salon-clients.csv`: two years (2023–2024) of visits to a massage salon, about
 * 1,500 clients, written the way a Russian spreadsheet exports it (`;` separators, dates
 * `31.12.2024`, money `2 500,00 ₽` with non-breaking spaces). Behaviour is simulated with a seeded
 * generator, so the file is the same on every run: regulars who come every few weeks, occasional
 * clients, one-time visitors, sleepers who stopped coming, a few refunds and client names typed
 * with stray spaces or another case. A handful of dirty rows are planted on purpose (an impossible
 * date, a text amount, a blank client, `#N/A`), so the report shows how they are rejected.
 *
 * Run: `npx tsx scripts/generate-sample.ts [output path]`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { dayFromYmd, ymdFromDay, type CalendarDay } from '../shared/calendar';
import { seededRng, type Rng } from '../shared/math/seeded-rng';

export const SAMPLE_SEED = 20_250_101;
export const SAMPLE_CLIENTS = 1_500;
const FIRST_DAY = dayFromYmd(2023, 1, 9);
const LAST_DAY = dayFromYmd(2024, 12, 28);
const NBSP = '\u00a0';

const FEMALE_NAMES = [
  'Анна',
  'Мария',
  'Елена',
  'Ольга',
  'Наталья',
  'Татьяна',
  'Ирина',
  'Екатерина',
  'Светлана',
  'Юлия',
  'Анастасия',
  'Дарья',
  'Марина',
  'Ксения',
  'Виктория',
  'Алина',
  'Полина',
  'Вера',
  'Людмила',
  'Галина',
  'Софья',
  'Валерия',
  'Кристина',
  'Евгения',
];
const MALE_NAMES = [
  'Александр',
  'Сергей',
  'Дмитрий',
  'Андрей',
  'Алексей',
  'Максим',
  'Иван',
  'Михаил',
  'Артём',
  'Николай',
  'Павел',
  'Роман',
  'Игорь',
  'Олег',
];
const SURNAMES = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Кузьмин',
  'Фролов',
  'Александров',
  'Дмитриев',
  'Королёв',
  'Гусев',
  'Киселёв',
  'Ильин',
  'Максимов',
  'Поляков',
  'Сорокин',
  'Виноградов',
  'Ковалёв',
  'Белов',
  'Медведев',
  'Антонов',
  'Тарасов',
  'Жуков',
  'Баранов',
  'Филиппов',
  'Комаров',
  'Давыдов',
  'Беляев',
  'Герасимов',
  'Богданов',
  'Осипов',
  'Сидоров',
  'Матвеев',
  'Титов',
  'Марков',
  'Миронов',
  'Крылов',
  'Куликов',
  'Карпов',
  'Власов',
  'Мельников',
  'Денисов',
  'Гаврилов',
  'Тихонов',
];
const MASTERS = ['Гончарова Е.', 'Рахимов Т.', 'Шевченко О.', 'Лаптева М.', 'Быков С.'];
const CHANNELS: readonly (readonly [string, number])[] = [
  ['Яндекс Карты', 0.28],
  ['Рекомендация', 0.22],
  ['Instagram', 0.18],
  ['Сайт', 0.14],
  ['2ГИС', 0.1],
  ['Авито', 0.08],
];
/** Service, base price in roubles (2023), weight for an ordinary visit. */
const SERVICES: readonly (readonly [string, number, number])[] = [
  ['Классический массаж', 2500, 0.3],
  ['Массаж спины', 1800, 0.22],
  ['Спортивный массаж', 3000, 0.12],
  ['Антицеллюлитный массаж', 2800, 0.12],
  ['Лимфодренажный массаж', 3200, 0.1],
  ['SPA-программа', 5500, 0.08],
  ['Подарочный сертификат', 5000, 0.06],
];
const PASS = ['Абонемент 10 сеансов', 22000] as const;

type Behaviour = 'regular' | 'occasional' | 'one_time' | 'sleeper';

interface SampleRow {
  readonly day: CalendarDay;
  readonly client: string;
  readonly master: string;
  readonly channel: string;
  readonly service: string;
  readonly amount: string;
  orderId: string;
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

function pickWeighted<T extends readonly [string, ...unknown[]]>(
  rng: Rng,
  items: readonly T[],
  weightIndex: number,
): T {
  let u = rng();
  for (const item of items) {
    u -= item[weightIndex] as number;
    if (u <= 0) return item;
  }
  return items[items.length - 1] as T;
}

function femaleSurname(surname: string): string {
  return /(ов|ев|ёв|ин)$/.test(surname) ? `${surname}а` : surname;
}

/** Money as a Russian spreadsheet shows it: `2 500,00 ₽`, groups split by a non-breaking space. */
export function formatRoubles(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const [whole = '0', fraction = '00'] = Math.abs(amount).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${sign}${grouped},${fraction}${NBSP}₽`;
}

/** `31.12.2024` */
export function formatRussianDate(day: CalendarDay): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${String(d).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

function csvField(value: string): string {
  return /[";\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function clientNames(rng: Rng, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const surname = pick(rng, SURNAMES);
    const female = rng() < 0.72;
    names.add(
      female
        ? `${femaleSurname(surname)} ${pick(rng, FEMALE_NAMES)}`
        : `${surname} ${pick(rng, MALE_NAMES)}`,
    );
  }
  return [...names];
}

/** A spelling the reader must still match: another case or doubled inner spaces. */
function typo(rng: Rng, name: string): string {
  const u = rng();
  if (u < 0.4) return name.toLowerCase();
  if (u < 0.7) return name.replace(' ', '  ');
  return ` ${name} `;
}

function price(rng: Rng, base: number, day: CalendarDay): number {
  const yearFactor = ymdFromDay(day).year >= 2024 ? 1.1 : 1;
  const discount = rng() < 0.12 ? 0.9 : 1;
  return Math.round((base * yearFactor * discount) / 50) * 50;
}

function visitsOf(rng: Rng, behaviour: Behaviour, start: CalendarDay): CalendarDay[] {
  const days = [start];
  const gapDays = (): number => {
    switch (behaviour) {
      case 'regular':
        return 10 + Math.floor(rng() * 30);
      case 'occasional':
        return 45 + Math.floor(rng() * 120);
      case 'sleeper':
        return 14 + Math.floor(rng() * 40);
      case 'one_time':
        return Number.POSITIVE_INFINITY;
    }
  };
  const stopAfter =
    behaviour === 'sleeper'
      ? start + 90 + Math.floor(rng() * 200)
      : behaviour === 'regular' && rng() < 0.2
        ? start + 120 + Math.floor(rng() * 300)
        : LAST_DAY;
  for (;;) {
    const next = (days[days.length - 1] as number) + gapDays();
    if (!(next <= Math.min(stopAfter, LAST_DAY))) break;
    days.push(next);
  }
  return days;
}

/**
 * The sample as CSV text (UTF-8, `;`-separated, LF line ends, header first). Deterministic: the
 * same `seed` gives the same text. Example: `generateSalonSample()` starts with the header
 * `Номер заказа;Дата;Клиент;Мастер;Канал;Категория;Сумма, руб.` (tested).
 */
export function generateSalonSample(seed: number = SAMPLE_SEED): string {
  const rng = seededRng(seed);
  const names = clientNames(rng, SAMPLE_CLIENTS);
  const rows: SampleRow[] = [];
  const span = LAST_DAY - FIRST_DAY;
  for (const name of names) {
    const u = rng();
    const behaviour: Behaviour =
      u < 0.15 ? 'regular' : u < 0.5 ? 'occasional' : u < 0.88 ? 'one_time' : 'sleeper';
    // More clients arrive later as the salon grows: start ~ span × sqrt(uniform).
    const start = FIRST_DAY + Math.floor(span * Math.sqrt(rng()));
    const channel = pickWeighted(rng, CHANNELS, 1)[0];
    const master = pick(rng, MASTERS);
    for (const day of visitsOf(rng, behaviour, start)) {
      const passPurchase = behaviour === 'regular' && rng() < 0.06;
      const [service, base] = passPurchase ? PASS : pickWeighted(rng, SERVICES, 2);
      const amount = price(rng, base, day);
      const spelled = rng() < 0.01 ? typo(rng, name) : name;
      const visitMaster = rng() < 0.8 ? master : pick(rng, MASTERS);
      rows.push({
        day,
        client: spelled,
        master: visitMaster,
        channel,
        service,
        amount: formatRoubles(amount),
        orderId: '',
      });
      if (rng() < 0.006) {
        rows.push({
          day: Math.min(LAST_DAY, day + 1 + Math.floor(rng() * 5)),
          client: name,
          master: visitMaster,
          channel,
          service,
          amount: formatRoubles(-amount),
          orderId: '',
        });
      }
    }
  }
  rows.sort((a, b) => a.day - b.day || (a.client < b.client ? -1 : a.client > b.client ? 1 : 0));
  rows.forEach((row, index) => {
    row.orderId = `${row.amount.startsWith('-') ? 'В' : 'З'}-${String(10001 + index)}`;
  });

  const lines = rows.map((row) =>
    [
      row.orderId,
      formatRussianDate(row.day),
      row.client,
      row.master,
      row.channel,
      row.service,
      row.amount,
    ]
      .map(csvField)
      .join(';'),
  );
  // Dirty rows, planted among the data at fixed positions, each rejected with a reason.
  const dirty: readonly (readonly [number, string])[] = [
    [
      400,
      `З-90001;31.02.2024;${names[3] ?? ''};${MASTERS[0]};Сайт;Массаж спины;${formatRoubles(1800)}`,
    ],
    [
      1200,
      `З-90002;14.03.2024;${names[7] ?? ''};${MASTERS[1]};Рекомендация;Классический массаж;бесплатно`,
    ],
    [2500, `З-90003;02.06.2024;;${MASTERS[2]};Instagram;Спортивный массаж;${formatRoubles(3300)}`],
    [3800, `З-90004;19.09.2024;${names[11] ?? ''};${MASTERS[3]};2ГИС;SPA-программа;#N/A`],
    [
      5000,
      `З-90005;2024-13-01;${names[15] ?? ''};${MASTERS[4]};Авито;Массаж спины;${formatRoubles(1950)}`,
    ],
  ];
  for (const [position, line] of [...dirty].reverse()) {
    lines.splice(Math.min(position, lines.length), 0, line);
  }
  const header = ['Номер заказа', 'Дата', 'Клиент', 'Мастер', 'Канал', 'Категория', 'Сумма, руб.'];
  return `${[header.join(';'), ...lines].join('\n')}\n`;
}

if (require.main === module) {
  const target = process.argv[2] ?? path.join(__dirname, '..', 'sample', 'salon-clients.csv');
  const text = generateSalonSample();
  writeFileSync(target, text);
  console.log(`Wrote ${text.split('\n').length - 2} rows to ${target}`);
}
