import type { Page } from "playwright-core";

/**
 * Excel for the built pane in headless Chromium: a page script, added before the pane's own,
 * that defines Office (onReady in Excel, a display language, every requirement set, the
 * workbook's add-in settings) and Excel.run over a workbook held in the page (custom XML parts,
 * sheets of cells). Office.js's CDN stays blocked: with Office already there the pane starts in
 * Excel mode and uses only these. It does not check loads or queue writes as Excel does (the
 * jsdom fake, test/taskpane/excel-fake.ts, does); it gives what the pane reads and keeps what it
 * writes, for a test to read back with `workbookOf`.
 *
 * One page can open several workbooks: `?case=N` in the pane's address picks `workbooks[N]`. The
 * settings of a case are kept in sessionStorage, so a reload of the same case opens the workbook
 * as the pane saved it (the settings are saved into the file in Excel); parts and sheets start
 * again from the case at every load.
 */
export interface FakeWorkbook {
  /** Office.context.displayLanguage. */
  readonly displayLanguage: string;
  /** The workbook's add-in settings (Office.context.document.settings), as stored. */
  readonly settings?: Record<string, unknown>;
  readonly parts?: readonly { readonly namespace: string; readonly xml: string }[];
  /** Sheets by name: cells by address ("A1"), each a formula or a value. */
  readonly sheets?: Record<string, Record<string, { formula?: string; value?: unknown }>>;
}

/** What the workbook holds now, as the page's fake keeps it. */
export interface WorkbookState {
  readonly settings: Record<string, unknown>;
  readonly parts: { id: string; namespace: string; xml: string }[];
  readonly sheets: Record<string, Record<string, { formula?: string; value?: unknown; format?: string }>>;
}

export async function fakeExcel(page: Page, workbooks: readonly FakeWorkbook[]): Promise<void> {
  await page.addInitScript(install, workbooks);
}

export function workbookOf(page: Page): Promise<WorkbookState> {
  return page.evaluate(() => (window as unknown as { __workbook: WorkbookState }).__workbook);
}

/** Runs in the page: no reference to anything outside it. */
function install(workbooks: readonly FakeWorkbook[]): void {
  const n = Number(/[?&]case=(\d+)/.exec(location.search)?.[1] ?? 0);
  const init = workbooks[n];
  const key = `fake-excel:${n}`;
  const kept = sessionStorage.getItem(key);
  const state: WorkbookState = {
    settings: kept === null ? { ...init.settings } : (JSON.parse(kept) as Record<string, unknown>),
    parts: (init.parts ?? []).map((p, i) => ({ id: `{PART-${i + 1}}`, namespace: p.namespace, xml: p.xml })),
    sheets: JSON.parse(JSON.stringify(init.sheets ?? {})),
  };
  let nextPart = state.parts.length + 1;
  (window as unknown as { __workbook: WorkbookState }).__workbook = state;
  const persist = () => sessionStorage.setItem(key, JSON.stringify(state.settings));
  persist();

  const column = (letters: string) => [...letters].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const letters = (i: number): string => (i >= 26 ? letters(Math.floor(i / 26) - 1) : "") + String.fromCharCode(65 + (i % 26));
  /** The cells of "A1:C3" (or "B2"), row by row. */
  const cellsOf = (address: string): string[][] => {
    const [from, to = from] = address.replace(/\$/g, "").split(":");
    const [, c1, r1] = /^([A-Z]+)(\d+)$/.exec(from)!;
    const [, c2, r2] = /^([A-Z]+)(\d+)$/.exec(to)!;
    const rows: string[][] = [];
    for (let r = Number(r1); r <= Number(r2); r++) {
      const row: string[] = [];
      for (let c = column(c1); c <= column(c2); c++) row.push(`${letters(c)}${r}`);
      rows.push(row);
    }
    return rows;
  };
  const sheetNamed = (name: string) => {
    const found = Object.keys(state.sheets).find((s) => s.toLowerCase() === name.toLowerCase());
    if (found === undefined) throw new Error(`ItemNotFound: sheet ${name}`);
    return state.sheets[found];
  };
  const noop = function (this: unknown) {
    return this;
  };

  const range = (sheet: string, address?: string) => {
    const write = (what: "formula" | "value" | "format") => (grid: unknown[][]) =>
      cellsOf(address!).forEach((row, r) =>
        row.forEach((cell, c) => {
          const cells = sheetNamed(sheet);
          cells[cell] = { ...cells[cell], [what]: grid[r][c] };
        }),
      );
    const r = { load: noop, format: { font: {} as Record<string, unknown>, autofitColumns: noop, autofitRows: noop }, clear: () => Object.keys(sheetNamed(sheet)).forEach((cell) => delete sheetNamed(sheet)[cell]) };
    Object.defineProperty(r, "formulas", { set: write("formula") });
    Object.defineProperty(r, "values", { set: write("value") });
    Object.defineProperty(r, "numberFormat", { set: write("format") });
    return r;
  };
  /** The block from A1 to the last cell written, as getUsedRangeOrNullObject gives it. */
  const used = (sheet: string) => {
    const cells = sheetNamed(sheet);
    const at = Object.keys(cells).map((a) => /^([A-Z]+)(\d+)$/.exec(a)!);
    const isNullObject = at.length === 0;
    const rows = isNullObject ? 0 : Math.max(...at.map((m) => Number(m[2])));
    const cols = isNullObject ? 0 : Math.max(...at.map((m) => column(m[1]) + 1));
    const grid = (f: (c: { formula?: string; value?: unknown } | undefined) => unknown) =>
      Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(cells[`${letters(c)}${r + 1}`])));
    return {
      load: noop,
      isNullObject,
      rowIndex: 0,
      columnIndex: 0,
      formulas: grid((c) => c?.formula ?? c?.value ?? ""),
      values: grid((c) => c?.value ?? ""),
    };
  };
  const worksheet = (name: string) => ({
    name,
    load: noop,
    activate: noop,
    freezePanes: { freezeRows: noop },
    pageLayout: { setPrintTitleRows: noop, headersFooters: { defaultForAllPages: {} } },
    getRange: (address?: string) => range(name, address),
    getUsedRangeOrNullObject: () => used(name),
    tables: { add: () => ({}), load: noop, items: [] },
    charts: { add: () => ({ title: {}, setPosition: noop, axes: { categoryAxis: { setCategoryNames: noop } } }), load: noop, items: [] },
  });
  const part = (id: string) => {
    const find = () => {
      const p = state.parts.find((x) => x.id === id);
      if (!p) throw new Error(`ItemNotFound: part ${id}`);
      return p;
    };
    return {
      id,
      load: noop,
      getXml: () => ({ value: find().xml }),
      setXml: (xml: string) => void (find().xml = xml),
      delete: () => void state.parts.splice(state.parts.indexOf(find()), 1),
    };
  };
  const context = () => ({
    sync: () => Promise.resolve(),
    workbook: {
      customXmlParts: {
        getByNamespace: (ns: string) => ({
          load: noop,
          get items() {
            return state.parts.filter((p) => p.namespace === ns).map((p) => part(p.id));
          },
        }),
        getItem: part,
        add: (xml: string) => {
          const id = `{PART-${nextPart++}}`;
          state.parts.push({ id, namespace: /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "", xml });
          return part(id);
        },
      },
      worksheets: {
        load: noop,
        get items() {
          return Object.keys(state.sheets).map(worksheet);
        },
        getItem: (name: string) => (sheetNamed(name), worksheet(name)),
        add: (name: string) => ((state.sheets[name] = {}), worksheet(name)),
      },
      tables: { load: noop, items: [] },
    },
  });

  const w = window as unknown as Record<string, unknown>;
  w.Office = {
    HostType: { Excel: "Excel" },
    onReady: () => Promise.resolve({ host: "Excel", platform: "PC" }),
    context: {
      displayLanguage: init.displayLanguage,
      requirements: { isSetSupported: () => true },
      document: {
        settings: {
          get: (name: string) => (name in state.settings ? state.settings[name] : null),
          set: (name: string, value: unknown) => ((state.settings[name] = value), persist()),
          remove: (name: string) => (delete state.settings[name], persist()),
          saveAsync: (callback?: (r: { status: string }) => void) => callback?.({ status: "succeeded" }),
        },
      },
    },
  };
  w.Excel = { run: <T>(batch: (c: unknown) => Promise<T>) => batch(context()) };
}
