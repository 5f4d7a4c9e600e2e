import type { MessageTable, MessageParams } from '../i18n';
import { formatTemplate } from '../i18n';
import { ConvergenceError, messageError, type AnalyticsError } from '../errors';
import type { AnalyticsErrorCode } from '../errors';

/**
 * User-facing text of the forecasting models: error messages and advice, report titles, column
 * headers and notes. Errors carry `details.messageTable` (`models`), `details.messageId` and
 * `details.params` so the catalog can show them in the call's language (`localiseError`); the
 * error's `message` is the English text.
 */
export const modelsMessages = {
  'error.noClients': {
    en: 'No client made a first purchase on or before the calibration end {calibrationEnd}.',
    ru: 'Ни один клиент не совершил первую покупку до конца калибровочного периода {calibrationEnd}.',
  },
  'error.holdoutBeforeCalibration': {
    en: 'The holdout end {holdoutEnd} must be after the calibration end {calibrationEnd}.',
    ru: 'Конец контрольного периода {holdoutEnd} должен быть позже конца калибровки {calibrationEnd}.',
  },
  'error.badRow': {
    en: 'Client data row {index} is invalid: need whole x >= 0 and 0 <= t_x <= T (got x = {x}, t_x = {t_x}, T = {T}).',
    ru: 'Строка данных клиента {index} неверна: нужно целое x >= 0 и 0 <= t_x <= T (получено x = {x}, t_x = {t_x}, T = {T}).',
  },
  'error.badParameters': {
    en: 'Model parameters must be positive finite numbers (got {parameters}).',
    ru: 'Параметры модели должны быть положительными конечными числами (получено {parameters}).',
  },
  'error.badHorizon': {
    en: 'The forecast horizon must be a finite number >= 0 (got {value}).',
    ru: 'Горизонт прогноза должен быть конечным числом >= 0 (получено {value}).',
  },
  'error.badMargin': {
    en: 'The margin must be a ratio from 0 to 1, e.g. 0.3 for 30 % (got {value}).',
    ru: 'Маржа должна быть долей от 0 до 1, например 0.3 для 30 % (получено {value}).',
  },
  'error.badHorizonArgument': {
    en: '{argument} must be a number >= 0 (got {value}).',
    ru: '{argument}: нужно число >= 0 (получено {value}).',
  },
  'error.badWholeHorizonArgument': {
    en: '{argument} must be a whole number >= 0 (got {value}).',
    ru: '{argument}: нужно целое число >= 0 (получено {value}).',
  },
  'error.noPurchases': {
    en: 'The range has no purchase (every amount is a refund), so there is no calibration end to stand on.',
    ru: 'В диапазоне нет покупок (все суммы — возвраты), поэтому не на что опереть конец калибровки.',
  },
  'error.badDiscount': {
    en: 'The discount rate per period must be a finite number > -1 (got {value}).',
    ru: 'Ставка дисконтирования за период должна быть конечным числом > -1 (получено {value}).',
  },
  'error.noRepeatBuyers': {
    en: 'The spend model needs clients with at least one repeat purchase and a positive mean repeat value; found {count}.',
    ru: 'Модели расходов нужны клиенты хотя бы с одной повторной покупкой и положительной средней суммой; найдено {count}.',
  },
  'error.noRepeatPurchases': {
    en: 'No client made a repeat purchase in the calibration period, so purchase rates cannot be estimated.',
    ru: 'Ни один клиент не совершил повторную покупку в калибровочном периоде, поэтому частоту покупок оценить нельзя.',
  },
  'error.notConverged': {
    en: 'The {model} fit did not converge (log-likelihood {logLikelihood}).',
    ru: 'Подбор модели {model} не сошёлся (логарифм правдоподобия {logLikelihood}).',
  },
  'advice.notConverged': {
    en: 'Try a longer calibration period, more clients (a few hundred with repeat purchases), or a different time unit (weeks usually suit).',
    ru: 'Попробуйте более длинный калибровочный период, больше клиентов (несколько сотен с повторными покупками) или другую единицу времени (обычно подходят недели).',
  },
  'error.degenerate': {
    en: 'The {model} fit ran to a boundary ({parameter} = {value}): the data do not identify the model.',
    ru: 'Подбор модели {model} ушёл на границу ({parameter} = {value}): данные не определяют модель.',
  },
  'advice.degenerate': {
    en: 'Check the calibration end and time unit; with very few repeat purchases use the simpler average-based LTV instead.',
    ru: 'Проверьте конец калибровки и единицу времени; при очень малом числе повторных покупок используйте простой LTV по средним.',
  },
  'error.noHoldout': {
    en: 'Holdout comparison needs a holdout end date: give one when summarising the transactions.',
    ru: 'Для сравнения с контрольным периодом нужна дата его окончания: укажите её при подготовке данных.',
  },
  'error.numericResult': {
    en: 'The {quantity} could not be computed as a finite number for these inputs.',
    ru: 'Величину «{quantity}» не удалось вычислить как конечное число для этих данных.',
  },
  'column.client': { en: 'Client', ru: 'Клиент' },
  'column.repeatPurchases': { en: 'Repeat purchases (x)', ru: 'Повторные покупки (x)' },
  'column.firstToLast': {
    en: 'First to last purchase (t_x), {unit}',
    ru: 'От первой до последней покупки (t_x), {unit}',
  },
  'column.age': { en: 'Since first purchase (T), {unit}', ru: 'С первой покупки (T), {unit}' },
  'column.meanRepeatValue': { en: 'Mean repeat purchase', ru: 'Средняя повторная покупка' },
  'column.probabilityAlive': { en: 'P(active)', ru: 'Вероятность активности' },
  'column.expectedPurchases': {
    en: 'Expected purchases, next {horizon} {unit}',
    ru: 'Ожидаемые покупки, следующие {horizon} {unit}',
  },
  'column.expectedSpend': { en: 'Expected spend per purchase', ru: 'Ожидаемая сумма покупки' },
  'column.clv': { en: 'CLV (discounted)', ru: 'CLV (дисконтированная)' },
  'column.holdoutActual': {
    en: 'Holdout purchases, actual',
    ru: 'Покупки в контрольном периоде, факт',
  },
  'column.parameter': { en: 'Parameter', ru: 'Параметр' },
  'column.value': { en: 'Estimate', ru: 'Оценка' },
  'column.standardError': { en: 'Standard error', ru: 'Стандартная ошибка' },
  'column.meaning': { en: 'Meaning', ru: 'Смысл' },
  'column.model': { en: 'Model', ru: 'Модель' },
  'column.clients': { en: 'Clients', ru: 'Клиенты' },
  'column.actualMean': { en: 'Actual mean', ru: 'Факт, среднее' },
  'column.predictedMean': { en: 'Predicted mean', ru: 'Прогноз, среднее' },
  'column.actualClients': { en: 'Actual clients', ru: 'Клиенты, факт' },
  'column.expectedClients': { en: 'Expected clients', ru: 'Клиенты, модель' },
  'column.period': { en: 'Period ({unit})', ru: 'Период ({unit})' },
  'column.lastDay': { en: 'Period end', ru: 'Конец периода' },
  'column.actualCumulative': { en: 'Actual, cumulative', ru: 'Факт, нарастающим итогом' },
  'column.expectedCumulative': { en: 'Model, cumulative', ru: 'Модель, нарастающим итогом' },
  'unit.day': { en: 'days', ru: 'дн.' },
  'unit.week': { en: 'weeks', ru: 'нед.' },
  'unit.month': { en: 'months', ru: 'мес.' },
  'parameter.r': { en: 'Shape of purchase rates', ru: 'Форма распределения частоты покупок' },
  'parameter.alpha': {
    en: 'Scale of purchase rates ({unit})',
    ru: 'Масштаб частоты покупок ({unit})',
  },
  'parameter.a': { en: 'Drop-out after a purchase, beta a', ru: 'Уход после покупки, бета a' },
  'parameter.b': { en: 'Drop-out after a purchase, beta b', ru: 'Уход после покупки, бета b' },
  'parameter.s': { en: 'Shape of drop-out rates', ru: 'Форма распределения частоты ухода' },
  'parameter.beta': {
    en: 'Scale of drop-out rates ({unit})',
    ru: 'Масштаб частоты ухода ({unit})',
  },
  'parameter.p': { en: 'Spend shape per purchase', ru: 'Форма суммы покупки' },
  'parameter.q': { en: 'Spend heterogeneity shape', ru: 'Форма разброса сумм между клиентами' },
  'parameter.gamma': {
    en: 'Spend heterogeneity scale (money)',
    ru: 'Масштаб разброса сумм (деньги)',
  },
  'parameter.logLikelihood': { en: 'Log-likelihood', ru: 'Логарифм правдоподобия' },
  'report.title': {
    en: 'Client lifetime value forecast',
    ru: 'Прогноз пожизненной ценности клиентов',
  },
  'report.sheetClients': { en: 'CLV by client', ru: 'CLV по клиентам' },
  'report.sheetModel': { en: 'CLV model', ru: 'Модель CLV' },
  'report.sheetFit': { en: 'CLV fit quality', ru: 'Качество модели CLV' },
  'report.clientsTitle': { en: 'Forecast per client', ru: 'Прогноз по клиентам' },
  'report.clientsNote': {
    en: 'Calibration to {calibrationEnd}, times in {unit}. CLV: next {horizon} periods of {periodLength} {unit}, discount {discount} per period, margin {margin}.',
    ru: 'Калибровка по {calibrationEnd}, время в единицах «{unit}». CLV: следующие {horizon} периодов по {periodLength} {unit}, дисконт {discount} за период, маржа {margin}.',
  },
  'report.parametersTitle': { en: 'Fitted parameters', ru: 'Оценённые параметры' },
  'report.parametersNote': {
    en: 'Maximum likelihood; standard errors from the curvature of the log-likelihood.',
    ru: 'Метод максимального правдоподобия; стандартные ошибки — по кривизне функции правдоподобия.',
  },
  'report.holdoutTitle': {
    en: 'Holdout purchases by calibration frequency',
    ru: 'Покупки в контрольном периоде по частоте в калибровке',
  },
  'report.holdoutNote': {
    en: 'Clients grouped by repeat purchases up to the calibration end; the last group is "this many or more".',
    ru: 'Клиенты сгруппированы по числу повторных покупок до конца калибровки; последняя группа — «столько и больше».',
  },
  'report.histogramTitle': {
    en: 'Repeat purchases in calibration: clients, actual vs model',
    ru: 'Повторные покупки в калибровке: клиенты, факт и модель',
  },
  'report.trackingTitle': {
    en: 'Cumulative repeat purchases over time',
    ru: 'Повторные покупки нарастающим итогом',
  },
  'report.trackingChart': {
    en: 'Cumulative repeat purchases: actual vs model',
    ru: 'Повторные покупки нарастающим итогом: факт и модель',
  },
  'catalog.transactions': {
    en: 'Purchases with a header row: client, date, amount.',
    ru: 'Покупки со строкой заголовков: клиент, дата, сумма.',
  },
  'catalog.calibrationEnd': {
    en: 'Last day of the period the model learns from. Default: the last purchase date.',
    ru: 'Последний день периода, по которому учится модель. По умолчанию — дата последней покупки.',
  },
  'catalog.unit': {
    en: 'Time unit: "week" (default), "day" or "month".',
    ru: 'Единица времени: "week" (неделя, по умолчанию), "day" или "month".',
  },
  'catalog.model': {
    en: 'Purchase model: "bgnbd" (default) or "paretonbd".',
    ru: 'Модель покупок: "bgnbd" (по умолчанию) или "paretonbd".',
  },
  'catalog.withHeader': {
    en: 'TRUE to put a header row above the results. Default FALSE.',
    ru: 'ИСТИНА, чтобы вывести строку заголовков над результатом. По умолчанию ЛОЖЬ.',
  },
  'catalog.language': {
    en: 'Language of headers and messages: "en" or "ru". Default: the language of Excel or of the spreadsheet (English if it is neither).',
    ru: 'Язык заголовков и сообщений: "en" или "ru". По умолчанию — язык Excel или таблицы (английский, если это другой язык).',
  },
  'catalog.horizon': {
    en: 'Forecast horizon in the time unit (e.g. 52 weeks).',
    ru: 'Горизонт прогноза в единицах времени (например, 52 недели).',
  },
  'catalog.horizonMonths': {
    en: 'Whole months to value (default 12).',
    ru: 'Число месяцев для оценки (по умолчанию 12).',
  },
  'catalog.discountRate': {
    en: 'Discount rate per month as a ratio, e.g. 0.01 for 1 % (default 0.01).',
    ru: 'Ставка дисконтирования в месяц долей, например 0,01 для 1 % (по умолчанию 0,01).',
  },
  'catalog.margin': {
    en: 'Gross margin ratio 0..1 applied to spend (default 1 = revenue).',
    ru: 'Доля валовой маржи 0..1 от суммы покупок (по умолчанию 1 — выручка).',
  },
  'catalog.badChoice': {
    en: '{argument} must be one of: {choices}.',
    ru: '{argument} должен быть одним из: {choices}.',
  },
  'cli.summary': {
    en: 'forecast purchases, P(active) and CLV per client (BG/NBD, Pareto/NBD, Gamma-Gamma)',
    ru: 'прогноз покупок, вероятности активности и CLV по клиентам (BG/NBD, Pareto/NBD, Gamma-Gamma)',
  },
  'cli.help': {
    en: `Usage: clientbase clv <file.xlsx|file.csv> --calibration-end YYYY-MM-DD [options]

Fits BG/NBD, Pareto/NBD and Gamma-Gamma to the purchases up to the calibration end and
forecasts each client's probability of being active, purchases and discounted value.

Options:
  --calibration-end YYYY-MM-DD  last day the models learn from (required)
  --holdout-end YYYY-MM-DD      compare the forecast with purchases up to this day
  --unit week|day|month         time unit of the models (default week; a month is 30.4375 days)
  --horizon N                   forecast horizon in units (default 52 weeks, 365 days, 12 months)
  --discount-rate R             discount rate per unit as a ratio (default 0; 0.002 per week is about 11 % a year)
  --margin M                    gross margin ratio 0..1 applied to spend (default 1 = revenue)
  --sheet NAME                  worksheet of an .xlsx file
  --column ROLE=COLUMN          choose the client, date or amount column by letter or header text
                                (repeatable), e.g. --column amount="Sum incl. VAT"
  --out report.xlsx             write the report workbook
  --json out.json               write parameters, per-client rows and fit tables as JSON
  --locale en|ru                language of messages and the report`,
    ru: `Использование: clientbase clv <файл.xlsx|файл.csv> --calibration-end ГГГГ-ММ-ДД [параметры]

Подбирает модели BG/NBD, Pareto/NBD и Gamma-Gamma по покупкам до конца калибровки и
прогнозирует для каждого клиента вероятность активности, число покупок и дисконтированную ценность.

Параметры:
  --calibration-end ГГГГ-ММ-ДД  последний день, по которому учатся модели (обязательно)
  --holdout-end ГГГГ-ММ-ДД      сравнить прогноз с покупками до этого дня
  --unit week|day|month         единица времени моделей (по умолчанию week; месяц = 30,4375 дня)
  --horizon N                   горизонт прогноза в единицах (по умолчанию 52 недели, 365 дней, 12 месяцев)
  --discount-rate R             ставка дисконтирования за единицу времени долей (по умолчанию 0; 0,002 в неделю ≈ 11 % в год)
  --margin M                    доля валовой маржи 0..1 от суммы покупок (по умолчанию 1 — выручка)
  --sheet ИМЯ                   лист файла .xlsx
  --column РОЛЬ=СТОЛБЕЦ         выбрать столбец client, date или amount буквой или заголовком
                                (можно повторять), например --column amount="Сумма с НДС"
  --out отчёт.xlsx              записать книгу с отчётом
  --json out.json               записать параметры, строки по клиентам и таблицы качества в JSON
  --locale en|ru                язык сообщений и отчёта`,
  },
  'cli.missingInput': {
    en: "name the file: 'clientbase clv <file.xlsx|file.csv> --calibration-end YYYY-MM-DD'.",
    ru: "укажите файл: 'clientbase clv <файл.xlsx|файл.csv> --calibration-end ГГГГ-ММ-ДД'.",
  },
  'cli.extraArguments': {
    en: 'too many arguments: {arguments}. Forecast one file at a time.',
    ru: 'лишние аргументы: {arguments}. Прогноз строится по одному файлу.',
  },
  'cli.missingCalibrationEnd': {
    en: '--calibration-end YYYY-MM-DD is required: the last day the models learn from.',
    ru: 'нужен --calibration-end ГГГГ-ММ-ДД: последний день, по которому учатся модели.',
  },
  'cli.badDate': {
    en: "{option} must be a real date written YYYY-MM-DD, not '{value}'.",
    ru: "{option} должен быть настоящей датой в виде ГГГГ-ММ-ДД, а не '{value}'.",
  },
  'cli.badNumber': {
    en: "{option} must be {rule}, not '{value}'.",
    ru: "{option} должен быть {rule}, а не '{value}'.",
  },
  'cli.ruleHorizon': { en: 'a whole number >= 1', ru: 'целым числом >= 1' },
  'cli.ruleDiscount': {
    en: 'a number > -1 (a ratio, 0.01 = 1 %)',
    ru: 'числом > -1 (доля, 0,01 = 1 %)',
  },
  'cli.ruleMargin': { en: 'a number between 0 and 1', ru: 'числом от 0 до 1' },
  'cli.badUnit': {
    en: "--unit must be week, day or month, not '{value}'.",
    ru: "--unit должен быть week, day или month, а не '{value}'.",
  },
  'cli.summaryRead': {
    en: '{file}: {transactions} purchase rows, {clients} clients in the calibration cohort, {rejected} rows left out.',
    ru: '{file}: строк покупок {transactions}, клиентов в калибровке {clients}, пропущено строк {rejected}.',
  },
  'cli.summaryBgNbd': {
    en: 'BG/NBD: r = {r}, alpha = {alpha} ({unit}), a = {a}, b = {b}; log-likelihood {ll}.',
    ru: 'BG/NBD: r = {r}, alpha = {alpha} ({unit}), a = {a}, b = {b}; логарифм правдоподобия {ll}.',
  },
  'cli.summaryParetoNbd': {
    en: 'Pareto/NBD: r = {r}, alpha = {alpha}, s = {s}, beta = {beta}; log-likelihood {ll}.',
    ru: 'Pareto/NBD: r = {r}, alpha = {alpha}, s = {s}, beta = {beta}; логарифм правдоподобия {ll}.',
  },
  'cli.summaryParetoFailed': {
    en: 'Pareto/NBD: not fitted ({reason}).',
    ru: 'Pareto/NBD: не подобрана ({reason}).',
  },
  'cli.summaryGammaGamma': {
    en: 'Gamma-Gamma: p = {p}, q = {q}, gamma = {gamma}; mean spend per purchase {mean}.',
    ru: 'Gamma-Gamma: p = {p}, q = {q}, gamma = {gamma}; средняя сумма покупки {mean}.',
  },
  'cli.summaryClv': {
    en: 'Next {horizon} {unit}: {purchases} expected repeat purchases, total CLV {clv}.',
    ru: 'Следующие {horizon} {unit}: ожидается повторных покупок {purchases}, суммарная CLV {clv}.',
  },
  'cli.summaryHoldout': {
    en: 'Holdout to {holdoutEnd}: {actual} repeat purchases actual, {predicted} predicted.',
    ru: 'Контрольный период до {holdoutEnd}: повторных покупок факт {actual}, прогноз {predicted}.',
  },
} satisfies MessageTable;

export type ModelsMessageId = keyof typeof modelsMessages;

/** An `AnalyticsError` whose message is the English text of `id`, with the id kept in details. */
export function modelsError(
  code: AnalyticsErrorCode,
  id: ModelsMessageId,
  params: MessageParams = {},
): AnalyticsError {
  return messageError(code, 'models', modelsMessages, id, params);
}

/** A `ConvergenceError` with the English text of `id` and advice `adviceId`. */
export function modelsConvergenceError(
  id: ModelsMessageId,
  adviceId: ModelsMessageId,
  params: MessageParams = {},
): ConvergenceError {
  return new ConvergenceError(
    formatTemplate(modelsMessages[id].en, params),
    modelsMessages[adviceId].en,
    { messageTable: 'models', messageId: id, adviceId, params },
  );
}
