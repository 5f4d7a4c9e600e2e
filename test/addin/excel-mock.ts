import { OfficeMockObject } from 'office-addin-mock';
import type { ExcelRun } from '../../addin/excel-host';

/**
 * A small Excel workbook model behind Microsoft's `office-addin-mock`: the mock objects enforce
 * the Office.js discipline for scalar properties (a property read before `load` + `context.sync()`
 * gives the mock's "not loaded" marker, not a value), and this file adds what the add-in needs on
 * top: cell grids for `values` / `text` / `numberFormat` (read only after load + sync, written in
 * queue order at sync), custom properties, tables, charts, conditional formats, column inserts, clearing.
 * Writing text that starts with `=` into a cell not formatted as text (`@`) stores a formula, as
 * Excel would, so the tests can see a name turned into a formula.
 */
export interface XlFormula {
  readonly formula: string;
}

export interface XlSheet {
  name: string;
  position: number;
  cells: Map<string, unknown>;
  formats: Map<string, string>;
  fills: Map<string, string>;
  /** Shown text of a cell when it differs from String(value) (e.g. a formatted date). */
  texts: Map<string, string>;
  props: Map<string, string>;
  tables: { name: string; address: string; style: string }[];
  charts: { type: string; title: string; series: string[]; position: string }[];
  colorScales: { address: string; criteria: unknown }[];
}

export interface XlBook {
  sheets: XlSheet[];
  active: string;
  /** 0-based row and column of the active cell. */
  activeCell: [number, number];
  requests: number;
  largestWrite: number;
}

const key = (r: number, c: number): string => `${r},${c}`;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function letters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

interface Rect {
  r0: number;
  c0: number;
  nr: number;
  nc: number;
}

/** `B3:D10`, `A1`, or whole columns `A:C` (rows 0..1048575), 0-based. */
export function parseA1(address: string): Rect {
  const part = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [from, to = from] = part.split(':') as [string, string?];
  const m1 = /^([A-Z]+)(\d*)$/i.exec(from);
  const m2 = /^([A-Z]+)(\d*)$/i.exec(to);
  if (!m1 || !m2) throw new Error(`bad address ${address}`);
  const c0 = colNumber(m1[1] as string) - 1;
  const c1 = colNumber(m2[1] as string) - 1;
  const r0 = m1[2] ? Number(m1[2]) - 1 : 0;
  const r1 = m2[2] ? Number(m2[2]) - 1 : 1048575;
  return { r0, c0, nr: r1 - r0 + 1, nc: c1 - c0 + 1 };
}

function a1(rect: Rect): string {
  return `${letters(rect.c0 + 1)}${rect.r0 + 1}:${letters(rect.c0 + rect.nc)}${rect.r0 + rect.nr}`;
}

export function newSheet(name: string, rows: unknown[][] = [], position = 0): XlSheet {
  const sheet: XlSheet = {
    name,
    position,
    cells: new Map(),
    formats: new Map(),
    fills: new Map(),
    texts: new Map(),
    props: new Map(),
    tables: [],
    charts: [],
    colorScales: [],
  };
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== '' && v !== null && v !== undefined) sheet.cells.set(key(r, c), v);
    }),
  );
  return sheet;
}

/** The used rectangle of a sheet (cells holding values), or undefined when empty. */
function usedRect(sheet: XlSheet): Rect | undefined {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const k of sheet.cells.keys()) {
    const [r, c] = k.split(',').map(Number) as [number, number];
    r0 = Math.min(r0, r);
    c0 = Math.min(c0, c);
    r1 = Math.max(r1, r);
    c1 = Math.max(c1, c);
  }
  return r1 < 0 ? undefined : { r0, c0, nr: r1 - r0 + 1, nc: c1 - c0 + 1 };
}

/** Cells of a sheet as a dense grid from A1 (for assertions). */
export function sheetGrid(sheet: XlSheet): unknown[][] {
  const used = usedRect(sheet);
  if (!used) return [];
  return Array.from({ length: used.r0 + used.nr }, (_, r) =>
    Array.from({ length: used.c0 + used.nc }, (_, c) => sheet.cells.get(key(r, c)) ?? ''),
  );
}

type Op = () => void;

/** Builds `Excel.run` over the model; every `context.sync()` counts as one request. */
export function mockExcelRun(book: XlBook): ExcelRun {
  return async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const mocks: OfficeMockObject[] = [];
    // The rectangle behind each range mock (an unloaded address cannot be read from the mock).
    const rectOf = new WeakMap<object, Rect>();
    const queue: Op[] = [];
    const loads: Op[] = [];
    let pendingBytes = 0;
    const track = <M extends OfficeMockObject>(m: M): M => {
      mocks.push(m);
      return m;
    };
    const sheetOf = (name: string): XlSheet => {
      const s = book.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!s) throw new Error(`ItemNotFound: ${name}`);
      return s;
    };

    const rangeMock = (sheet: XlSheet, rect: Rect | undefined): OfficeMockObject => {
      if (!rect) {
        return track(
          new OfficeMockObject({
            isNullObject: true,
            address: '',
            rowIndex: 0,
            columnIndex: 0,
            rowCount: 0,
            columnCount: 0,
          }),
        );
      }
      const state: Record<string, unknown[][] | undefined> = {};
      const wanted = new Set<string>();
      const m = track(
        new OfficeMockObject({
          isNullObject: false,
          address: `${sheet.name}!${a1(rect)}`,
          rowIndex: rect.r0,
          columnIndex: rect.c0,
          rowCount: rect.nr,
          columnCount: rect.nc,
          format: { font: {}, fill: {}, autofitColumns: () => undefined },
          conditionalFormats: {
            add: () => {
              const cf = new OfficeMockObject({ colorScale: {} });
              queue.push(() =>
                sheet.colorScales.push({
                  address: a1(rect),
                  criteria: (cf as unknown as { colorScale: { criteria: unknown } }).colorScale
                    .criteria,
                }),
              );
              return cf;
            },
          },
          getIntersectionOrNullObject: (other: object) => {
            const o = rectOf.get(other);
            if (!o) throw new Error('intersection with an unknown range');
            const r0 = Math.max(rect.r0, o.r0);
            const c0 = Math.max(rect.c0, o.c0);
            const r1 = Math.min(rect.r0 + rect.nr, o.r0 + o.nr);
            const c1 = Math.min(rect.c0 + rect.nc, o.c0 + o.nc);
            return rangeMock(
              sheet,
              r1 > r0 && c1 > c0 ? { r0, c0, nr: r1 - r0, nc: c1 - c0 } : undefined,
            );
          },
          getSurroundingRegion: () => {
            // Grow a box from the cell while any neighbouring row or column touches data.
            const box = { ...rect };
            const has = (r: number, c: number): boolean => sheet.cells.has(key(r, c));
            let grown = true;
            while (grown) {
              grown = false;
              const edges: [Rect, Rect][] = [
                [
                  { ...box, r0: box.r0 - 1, nr: 1 },
                  { ...box, r0: box.r0 - 1, nr: box.nr + 1 },
                ],
                [
                  { ...box, r0: box.r0 + box.nr, nr: 1 },
                  { ...box, nr: box.nr + 1 },
                ],
                [
                  { ...box, c0: box.c0 - 1, nc: 1 },
                  { ...box, c0: box.c0 - 1, nc: box.nc + 1 },
                ],
                [
                  { ...box, c0: box.c0 + box.nc, nc: 1 },
                  { ...box, nc: box.nc + 1 },
                ],
              ];
              for (const [edge, next] of edges) {
                if (edge.r0 < 0 || edge.c0 < 0) continue;
                let touched = false;
                for (let r = edge.r0 - 1; r <= edge.r0 + edge.nr && !touched; r++) {
                  for (let c = edge.c0 - 1; c <= edge.c0 + edge.nc && !touched; c++) {
                    const inEdge =
                      r >= edge.r0 &&
                      r < edge.r0 + edge.nr &&
                      c >= edge.c0 &&
                      c < edge.c0 + edge.nc;
                    if (inEdge && has(r, c)) touched = true;
                  }
                }
                if (touched) {
                  Object.assign(box, next);
                  grown = true;
                }
              }
            }
            return rangeMock(sheet, box);
          },
          clear: () => {
            queue.push(() => {
              for (let r = rect.r0; r < rect.r0 + rect.nr; r++) {
                for (let c = rect.c0; c < rect.c0 + rect.nc; c++) {
                  for (const map of [sheet.cells, sheet.formats, sheet.fills])
                    map.delete(key(r, c));
                }
              }
            });
          },
          insert: () => {
            queue.push(() => {
              const moved = (map: Map<string, unknown>): Map<string, unknown> => {
                const out = new Map<string, unknown>();
                for (const [k, v] of map) {
                  const [r, c] = k.split(',').map(Number) as [number, number];
                  out.set(key(r, c >= rect.c0 ? c + rect.nc : c), v);
                }
                return out;
              };
              sheet.cells = moved(sheet.cells);
              sheet.formats = moved(sheet.formats) as Map<string, string>;
              sheet.fills = moved(sheet.fills) as Map<string, string>;
            });
            return rangeMock(sheet, rect);
          },
        }),
      );
      rectOf.set(m, rect);
      const grid = (read: (r: number, c: number) => unknown): unknown[][] =>
        Array.from({ length: rect.nr }, (_, r) =>
          Array.from({ length: rect.nc }, (_, c) => read(rect.r0 + r, rect.c0 + c)),
        );
      const baseLoad = m.load.bind(m);
      (m as unknown as { load: (p: string | string[]) => unknown }).load = (
        p: string | string[],
      ) => {
        const names = (Array.isArray(p) ? p : p.split(',')).map((s) => s.trim());
        const own = ['values', 'text', 'numberFormat'];
        for (const n of names.filter((n) => own.includes(n))) wanted.add(n);
        const rest = names.filter((n) => !own.includes(n));
        loads.push(() => {
          for (const n of wanted) {
            state[n] = grid((r, c) => {
              const k = key(r, c);
              if (n === 'numberFormat') return sheet.formats.get(k) ?? 'General';
              const v = sheet.cells.get(k) ?? '';
              if (n === 'text') return sheet.texts.get(k) ?? String(v);
              return typeof v === 'object' && v !== null ? '' : v;
            });
          }
        });
        return rest.length > 0 ? baseLoad(rest) : m;
      };
      for (const name of ['values', 'text', 'numberFormat']) {
        Object.defineProperty(m, name, {
          get: () => {
            const v = state[name];
            if (v === undefined)
              throw new Error(`range.${name} read before load() and context.sync()`);
            return v;
          },
          set: (data: unknown[][]) => {
            if (name === 'text') throw new Error('range.text is read-only');
            for (const row of data)
              for (const v of row) pendingBytes += typeof v === 'string' ? v.length * 2 + 4 : 24;
            queue.push(() => {
              data.forEach((row, r) =>
                row.forEach((v, c) => {
                  const k = key(rect.r0 + r, rect.c0 + c);
                  if (name === 'numberFormat') sheet.formats.set(k, String(v));
                  else if (v === '' || v === null) sheet.cells.delete(k);
                  else if (
                    typeof v === 'string' &&
                    v.startsWith('=') &&
                    sheet.formats.get(k) !== '@'
                  ) {
                    sheet.cells.set(k, { formula: v } satisfies XlFormula);
                  } else sheet.cells.set(k, v);
                }),
              );
            });
          },
        });
      }
      const fill = (m as unknown as { format: { fill: Record<string, unknown> } }).format.fill;
      Object.defineProperty(fill, 'color', {
        set: (color: string) =>
          queue.push(() => {
            for (let r = 0; r < rect.nr; r++)
              for (let c = 0; c < rect.nc; c++)
                sheet.fills.set(key(rect.r0 + r, rect.c0 + c), color);
          }),
      });
      return m;
    };

    const sheetMock = (sheet: XlSheet | undefined): OfficeMockObject => {
      if (!sheet) {
        return track(
          new OfficeMockObject({
            isNullObject: true,
            name: '',
            position: -1,
            customProperties: {
              getItemOrNullObject: () =>
                track(new OfficeMockObject({ isNullObject: true, value: '' })),
            },
          }),
        );
      }
      const m = track(
        new OfficeMockObject({
          isNullObject: false,
          name: sheet.name,
          position: sheet.position,
          customProperties: {
            getItemOrNullObject: (k: string) => {
              const v = sheet.props.get(k);
              return track(new OfficeMockObject({ isNullObject: v === undefined, value: v ?? '' }));
            },
            add: (k: string, v: string) => queue.push(() => sheet.props.set(k, v)),
          },
          getRangeByIndexes: (r0: number, c0: number, nr: number, nc: number) =>
            rangeMock(sheet, { r0, c0, nr, nc }),
          getRange: (address: string) => rangeMock(sheet, parseA1(address)),
          getUsedRange: () => rangeMock(sheet, usedRect(sheet) ?? { r0: 0, c0: 0, nr: 1, nc: 1 }),
          getUsedRangeOrNullObject: () => rangeMock(sheet, usedRect(sheet)),
          tables: {
            add: (address: string) => {
              const t = new OfficeMockObject({});
              queue.push(() => {
                const o = t as unknown as { name: string; style: string };
                sheet.tables.push({ name: o.name, address, style: o.style });
              });
              return t;
            },
          },
          charts: {
            add: (type: string) => {
              const series: OfficeMockObject[] = [];
              const newSeries = (): OfficeMockObject => {
                const s = new OfficeMockObject({
                  setXAxisValues: () => undefined,
                  setValues: () => undefined,
                });
                series.push(s);
                return s;
              };
              const chart = new OfficeMockObject({
                title: {},
                series: { getItemAt: () => series[0] ?? newSeries(), add: () => newSeries() },
                setPosition: (from: string, to: string) =>
                  queue.push(() =>
                    sheet.charts.push({
                      type,
                      title: (chart as unknown as { title: { text: string } }).title.text,
                      series: series.map((s) => (s as unknown as { name: string }).name),
                      position: `${from}:${to}`,
                    }),
                  ),
              });
              newSeries();
              return chart;
            },
          },
          activate: () => queue.push(() => (book.active = sheet.name)),
          delete: () => queue.push(() => book.sheets.splice(book.sheets.indexOf(sheet), 1)),
        }),
      );
      let position: number | undefined;
      Object.defineProperty(m, 'position', {
        get: () => position ?? sheet.position,
        set: (p: number) => {
          position = p;
          queue.push(() => (sheet.position = p));
        },
      });
      return m;
    };

    /** A collection: `load('items/name')` is accepted, `items` are live (names pre-loaded). */
    const withItems = <T extends object>(target: T, items: () => unknown[]): T => {
      Object.defineProperty(target, 'load', { value: () => undefined });
      Object.defineProperty(target, 'items', { get: items });
      return target;
    };

    const worksheets = withItems(
      {
        getItem: (name: string) => sheetMock(sheetOf(name)),
        getItemOrNullObject: (name: string) =>
          sheetMock(book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase())),
        getActiveWorksheet: () => sheetMock(sheetOf(book.active)),
        add: (name: string) => {
          const sheet = newSheet(name, [], book.sheets.length);
          queue.push(() => book.sheets.push(sheet));
          return sheetMock(sheet);
        },
      },
      () =>
        book.sheets.map((s) => {
          const m = sheetMock(s);
          (m as unknown as { name: string }).name = s.name;
          return m;
        }),
    );

    const context = {
      workbook: {
        worksheets,
        tables: withItems(
          {
            getItem: (name: string) => {
              throw new Error(`ItemNotFound: table ${name}`);
            },
          },
          () => [],
        ),
        getActiveCell: () =>
          rangeMock(sheetOf(book.active), {
            r0: book.activeCell[0],
            c0: book.activeCell[1],
            nr: 1,
            nc: 1,
          }),
      },
      sync: async () => {
        book.requests++;
        book.largestWrite = Math.max(book.largestWrite, pendingBytes);
        pendingBytes = 0;
        for (const op of queue.splice(0)) op();
        for (const load of loads.splice(0)) load();
        for (const m of mocks) await m.sync();
        // The mock resolves loaded properties in nested promises: let them all settle.
        await new Promise((resolve) => setImmediate(resolve));
      },
    };
    return batch(context as unknown as Excel.RequestContext);
  };
}
