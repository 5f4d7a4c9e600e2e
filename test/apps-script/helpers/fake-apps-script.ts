/**
 * In-memory fakes of the Apps Script services the add-on uses (SpreadsheetApp, Session,
 * HtmlService, Utilities, CardService, PropertiesService, CacheService), enough to run the built
 * bundle in a Node `vm` context. They model the Sheets behaviours the add-on must respect:
 * `setValues` turns a string starting with `=` into a formula and a number-like string into a
 * number unless the cell's number format is plain text (`@`); dates come back from `getValues` as
 * `Date` objects for midnight in the spreadsheet's time zone.
 */

export type FakeValue = string | number | boolean | Date;

export interface FakeCell {
  value: FakeValue;
  formula: string | null;
  format: string;
  background: string | null;
  bold: boolean;
}

function blankCell(): FakeCell {
  return { value: '', formula: null, format: 'General', background: null, bold: false };
}

/** Column number of A1 letters (A → 1, AA → 27). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function letters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export class FakeMetadata {
  constructor(
    private readonly key: string,
    private readonly value: string,
  ) {}
  getKey(): string {
    return this.key;
  }
  getValue(): string {
    return this.value;
  }
}

export class FakeChart {
  constructor(
    readonly type: string,
    readonly ranges: string[],
    readonly options: Record<string, unknown>,
    readonly stacked: boolean,
  ) {}
}

class FakeChartBuilder {
  private type = 'none';
  private readonly ranges: string[] = [];
  private readonly options: Record<string, unknown> = {};
  private stacked = false;
  addRange(range: FakeRange): this {
    this.ranges.push(range.getA1Notation());
    return this;
  }
  setNumHeaders(n: number): this {
    this.options.numHeaders = n;
    return this;
  }
  setOption(name: string, value: unknown): this {
    this.options[name] = value;
    return this;
  }
  setPosition(row: number, column: number): this {
    this.options.position = [row, column];
    return this;
  }
  asBarChart(): this {
    this.type = 'bar';
    return this;
  }
  asColumnChart(): this {
    this.type = 'column';
    return this;
  }
  asPieChart(): this {
    this.type = 'pie';
    return this;
  }
  asLineChart(): this {
    this.type = 'line';
    return this;
  }
  setStacked(): this {
    this.stacked = true;
    return this;
  }
  build(): FakeChart {
    return new FakeChart(this.type, this.ranges, this.options, this.stacked);
  }
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {}

  private each(f: (cell: FakeCell, r: number, c: number) => void): void {
    for (let r = 0; r < this.rows; r += 1) {
      for (let c = 0; c < this.columns; c += 1) {
        f(this.sheet.cell(this.row + r, this.column + c), r, c);
      }
    }
  }

  private checkShape(values: readonly (readonly unknown[])[], what: string): void {
    if (values.length !== this.rows || values.some((row) => row.length !== this.columns)) {
      throw new Error(
        `${what}: data has ${values.length}x${values[0]?.length ?? 0} but the range is ${this.rows}x${this.columns}`,
      );
    }
  }

  getSheet(): FakeSheet {
    return this.sheet;
  }
  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getNumRows(): number {
    return this.rows;
  }
  getNumColumns(): number {
    return this.columns;
  }
  getLastRow(): number {
    return this.row + this.rows - 1;
  }
  getA1Notation(): string {
    const start = `${letters(this.column)}${this.row}`;
    if (this.rows === 1 && this.columns === 1) return start;
    return `${start}:${letters(this.column + this.columns - 1)}${this.row + this.rows - 1}`;
  }

  getValues(): FakeValue[][] {
    this.sheet.book.calls.getValues += 1;
    const out: FakeValue[][] = Array.from({ length: this.rows }, () => []);
    this.each((cell, r) =>
      out[r]!.push(cell.value instanceof Date ? new Date(cell.value.getTime()) : cell.value),
    );
    return out;
  }

  setValues(values: unknown[][]): this {
    this.sheet.book.calls.setValues += 1;
    this.checkShape(values, 'setValues');
    this.each((cell, r, c) => {
      const v = values[r]![c];
      cell.formula = null;
      if (v === null || v === undefined) {
        cell.value = '';
      } else if (typeof v === 'string' && cell.format !== '@') {
        if (v.startsWith('=')) {
          cell.formula = v;
          cell.value = '#FORMULA';
        } else if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) {
          cell.value = Number(v);
        } else {
          cell.value = v;
        }
      } else if (
        typeof v === 'string' ||
        typeof v === 'number' ||
        typeof v === 'boolean' ||
        v instanceof Date
      ) {
        cell.value = v;
      } else {
        throw new Error(`setValues: unsupported value ${String(v)}`);
      }
    });
    return this;
  }

  /** Range.clear(): contents and formats. */
  clear(): this {
    this.each((cell) => {
      Object.assign(cell, blankCell());
    });
    return this;
  }

  setNumberFormats(formats: string[][]): this {
    this.checkShape(formats, 'setNumberFormats');
    this.each((cell, r, c) => {
      cell.format = formats[r]![c]!;
    });
    return this;
  }
  setNumberFormat(format: string): this {
    this.each((cell) => {
      cell.format = format;
    });
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): this {
    this.checkShape(colors, 'setBackgrounds');
    this.each((cell, r, c) => {
      cell.background = colors[r]![c] ?? null;
    });
    return this;
  }
  setBackground(color: string | null): this {
    this.each((cell) => {
      cell.background = color;
    });
    return this;
  }
  setFontWeight(weight: string): this {
    this.each((cell) => {
      cell.bold = weight === 'bold';
    });
    return this;
  }
  setFontSize(_size: number): this {
    return this;
  }
  setFontStyle(_style: string): this {
    return this;
  }

  /** The block of contiguous non-empty cells around this range (Sheets' data region). */
  getDataRegion(): FakeRange {
    let top = this.row;
    let left = this.column;
    let bottom = this.row + this.rows - 1;
    let right = this.column + this.columns - 1;
    const filledRow = (r: number, c1: number, c2: number): boolean => {
      for (let c = Math.max(1, c1); c <= c2; c += 1) if (!this.sheet.isEmpty(r, c)) return true;
      return false;
    };
    const filledCol = (c: number, r1: number, r2: number): boolean => {
      for (let r = Math.max(1, r1); r <= r2; r += 1) if (!this.sheet.isEmpty(r, c)) return true;
      return false;
    };
    for (let grown = true; grown;) {
      grown = false;
      if (top > 1 && filledRow(top - 1, left - 1, right + 1)) {
        top -= 1;
        grown = true;
      }
      if (filledRow(bottom + 1, left - 1, right + 1)) {
        bottom += 1;
        grown = true;
      }
      if (left > 1 && filledCol(left - 1, top - 1, bottom + 1)) {
        left -= 1;
        grown = true;
      }
      if (filledCol(right + 1, top - 1, bottom + 1)) {
        right += 1;
        grown = true;
      }
    }
    return new FakeRange(this.sheet, top, left, bottom - top + 1, right - left + 1);
  }

  addDeveloperMetadata(key: string, value: string): this {
    this.sheet.addDeveloperMetadata(key, value);
    return this;
  }
}

export class FakeSheet {
  private readonly cells = new Map<string, FakeCell>();
  readonly metadata: FakeMetadata[] = [];
  charts: FakeChart[] = [];
  conditionalRules: unknown[] = [];

  constructor(
    readonly book: FakeSpreadsheet,
    public name: string,
  ) {}

  cell(row: number, column: number): FakeCell {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (cell === undefined) {
      cell = blankCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  isEmpty(row: number, column: number): boolean {
    const cell = this.cells.get(`${row},${column}`);
    return cell === undefined || (cell.value === '' && cell.formula === null);
  }

  /** Puts user data in, as a person typing would (no formats): rows of values from (row, column). */
  put(row: number, column: number, values: FakeValue[][]): void {
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        const cell = this.cell(row + r, column + c);
        if (typeof v === 'string' && v.startsWith('=')) {
          cell.formula = v;
          cell.value = '#FORMULA';
        } else {
          cell.value = v;
        }
      }),
    );
  }

  /** A literal text value, as a user gets by typing an apostrophe first (`'=IMPORTXML(...)`). */
  putText(row: number, column: number, text: string): void {
    const cell = this.cell(row, column);
    cell.value = text;
    cell.formula = null;
  }

  /** Values of a rectangle, 1-based. */
  read(row: number, column: number, rows: number, columns: number): FakeValue[][] {
    return new FakeRange(this, row, column, rows, columns).getValues();
  }

  getName(): string {
    return this.name;
  }
  getLastRow(): number {
    let last = 0;
    for (const [key, cell] of this.cells) {
      if (cell.value !== '' || cell.formula !== null)
        last = Math.max(last, Number(key.split(',')[0]));
    }
    return last;
  }
  getLastColumn(): number {
    let last = 0;
    for (const [key, cell] of this.cells) {
      if (cell.value !== '' || cell.formula !== null)
        last = Math.max(last, Number(key.split(',')[1]));
    }
    return last;
  }
  getMaxRows(): number {
    return Math.max(1000, this.getLastRow());
  }
  /** A new Google sheet has 26 columns (A:Z). */
  getMaxColumns(): number {
    return Math.max(26, this.getLastColumn());
  }
  getRange(rowOrA1: number | string, column?: number, rows = 1, columns = 1): FakeRange {
    if (typeof rowOrA1 === 'string') {
      const m = /^([A-Z]+)(\d*)(?::([A-Z]+)(\d*))?$/i.exec(rowOrA1.replace(/\$/g, ''));
      if (!m) throw new Error(`Bad A1 ${rowOrA1}`);
      const c1 = columnNumber(m[1]!);
      const r1 = m[2] ? Number(m[2]) : 1;
      const c2 = m[3] ? columnNumber(m[3]) : c1;
      const r2 = m[4] ? Number(m[4]) : m[3] ? this.getMaxRows() : m[2] ? r1 : this.getMaxRows();
      return new FakeRange(this, r1, c1, r2 - r1 + 1, c2 - c1 + 1);
    }
    if (column === undefined) throw new Error('getRange(row) needs a column');
    if (rows < 1 || columns < 1)
      throw new Error('The number of rows/columns in the range must be at least 1.');
    return new FakeRange(this, rowOrA1, column, rows, columns);
  }
  getDataRange(): FakeRange {
    return new FakeRange(
      this,
      1,
      1,
      Math.max(1, this.getLastRow()),
      Math.max(1, this.getLastColumn()),
    );
  }
  getDeveloperMetadata(): FakeMetadata[] {
    return [...this.metadata];
  }
  addDeveloperMetadata(key: string, value: string): this {
    this.metadata.push(new FakeMetadata(key, value));
    return this;
  }
  clear(): this {
    this.cells.clear();
    return this;
  }
  getCharts(): FakeChart[] {
    return [...this.charts];
  }
  removeChart(chart: FakeChart): void {
    this.charts = this.charts.filter((c) => c !== chart);
  }
  insertChart(chart: FakeChart): void {
    this.charts.push(chart);
  }
  newChart(): FakeChartBuilder {
    return new FakeChartBuilder();
  }
  getConditionalFormatRules(): unknown[] {
    return [...this.conditionalRules];
  }
  setConditionalFormatRules(rules: unknown[]): void {
    this.conditionalRules = [...rules];
  }
  insertColumnsAfter(after: number, count: number): this {
    const moved = new Map<string, FakeCell>();
    for (const [key, cell] of this.cells) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      moved.set(c > after ? `${r},${c + count}` : key, cell);
    }
    this.cells.clear();
    for (const [k, v] of moved) this.cells.set(k, v);
    return this;
  }
  activate(): this {
    this.book.active = this;
    return this;
  }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  active: FakeSheet;
  activeCell: { row: number; column: number } = { row: 1, column: 1 };
  readonly namedRanges = new Map<string, FakeRange>();
  readonly toasts: string[] = [];
  readonly calls = { getValues: 0, setValues: 0 };

  constructor(
    firstSheetName: string,
    readonly timeZone: string,
    readonly locale: string,
  ) {
    this.active = new FakeSheet(this, firstSheetName);
    this.sheets.push(this.active);
  }

  getSheets(): FakeSheet[] {
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getActiveSheet(): FakeSheet {
    return this.active;
  }
  getActiveRange(): FakeRange {
    return this.active.getRange(this.activeCell.row, this.activeCell.column);
  }
  getRangeByName(name: string): FakeRange | null {
    return this.namedRanges.get(name) ?? null;
  }
  getNamedRanges(): { getName(): string; getRange(): FakeRange }[] {
    return [...this.namedRanges].map(([name, range]) => ({
      getName: () => name,
      getRange: () => range,
    }));
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  insertSheet(name: string, index?: number): FakeSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists.`);
    }
    const sheet = new FakeSheet(this, name);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.active = sheet;
    return sheet;
  }
  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(this, name);
    this.sheets.push(sheet);
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    if (this.sheets.length === 1) throw new Error('You cannot delete the only sheet.');
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.active === sheet) this.active = this.sheets[0]!;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  toast(message: string): void {
    this.toasts.push(message);
  }
}

/** `yyyy-MM-dd` of an instant in a time zone (what `Utilities.formatDate` returns). */
export function formatIsoInZone(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Midnight of a calendar date in a time zone, as the `Date` Sheets passes for a date cell. */
export function midnightInZone(year: number, month: number, day: number, timeZone: string): Date {
  // Start from UTC midnight and move by the zone's offset at that instant (twice, for DST edges).
  let guess = Date.UTC(year, month - 1, day);
  for (let i = 0; i < 2; i += 1) {
    const shown = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    }).formatToParts(new Date(guess));
    const n = (t: string): number => Number(shown.find((p) => p.type === t)?.value);
    const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
    guess -= asUtc - Date.UTC(year, month - 1, day);
  }
  return new Date(guess);
}

export interface FakeUi {
  menus: { title: string; items: { caption: string; functionName: string }[] }[];
  sidebars: { file: string; title: string }[];
}

/** The global object of a vm context: fakes of every Apps Script service the bundle touches. */
export function makeAppsScriptGlobals(
  book: FakeSpreadsheet,
  options: { userLocale?: string } = {},
): { globals: Record<string, unknown>; ui: FakeUi } {
  const ui: FakeUi = { menus: [], sidebars: [] };
  const menuBuilder = (title: string) => {
    const menu = { title, items: [] as { caption: string; functionName: string }[] };
    const builder = {
      addItem(caption: string, functionName: string) {
        menu.items.push({ caption, functionName });
        return builder;
      },
      addSeparator() {
        return builder;
      },
      addToUi() {
        ui.menus.push(menu);
      },
    };
    return builder;
  };
  const ruleBuilder = () => {
    const rule: Record<string, unknown> = {};
    const b = {
      setGradientMinpoint(c: string) {
        rule.min = c;
        return b;
      },
      setGradientMaxpoint(c: string) {
        rule.max = c;
        return b;
      },
      setRanges(ranges: FakeRange[]) {
        rule.ranges = ranges.map((r) => r.getA1Notation());
        return b;
      },
      build() {
        return rule;
      },
    };
    return b;
  };
  const cardBuilder = () => {
    const card: Record<string, unknown> = { sections: [] as unknown[] };
    const b = {
      setHeader(h: unknown) {
        card.header = h;
        return b;
      },
      addSection(s: unknown) {
        (card.sections as unknown[]).push(s);
        return b;
      },
      build() {
        return card;
      },
    };
    return b;
  };
  const store = () => {
    const data = new Map<string, string>();
    return {
      getProperty: (k: string) => data.get(k) ?? null,
      setProperty: (k: string, v: string) => void data.set(k, v),
      get: (k: string) => data.get(k) ?? null,
      put: (k: string, v: string) => void data.set(k, v),
      remove: (k: string) => void data.delete(k),
    };
  };
  const userProps = store();
  const cache = store();
  const globals: Record<string, unknown> = {
    SpreadsheetApp: {
      getActive: () => book,
      getActiveSpreadsheet: () => book,
      getUi: () => ({
        createAddonMenu: () => menuBuilder('(add-on)'),
        createMenu: (title: string) => menuBuilder(title),
        showSidebar: (html: { file: string; title: string }) => ui.sidebars.push(html),
      }),
      newConditionalFormatRule: ruleBuilder,
      DeveloperMetadataVisibility: { PROJECT: 'PROJECT', DOCUMENT: 'DOCUMENT' },
    },
    Session: {
      getActiveUserLocale: () => options.userLocale ?? 'en',
      getScriptTimeZone: () => 'Etc/UTC',
    },
    Utilities: {
      formatDate: (date: Date, timeZone: string, pattern: string) => {
        if (pattern !== 'yyyy-MM-dd') throw new Error(`fake formatDate: pattern ${pattern}`);
        return formatIsoInZone(date, timeZone);
      },
    },
    HtmlService: {
      createHtmlOutputFromFile: (file: string) => {
        const out = {
          file,
          title: '',
          setTitle(t: string) {
            out.title = t;
            return out;
          },
        };
        return out;
      },
    },
    CardService: {
      newCardBuilder: cardBuilder,
      newCardHeader: () => ({ setTitle: (t: string) => ({ title: t }) }),
      newCardSection: () => {
        const s = { widgets: [] as unknown[], addWidget: (w: unknown) => (s.widgets.push(w), s) };
        return s;
      },
      newTextParagraph: () => ({ setText: (t: string) => ({ text: t }) }),
    },
    PropertiesService: {
      getUserProperties: () => userProps,
      getDocumentProperties: () => userProps,
    },
    CacheService: { getUserCache: () => cache, getDocumentCache: () => cache },
    console,
  };
  return { globals, ui };
}
