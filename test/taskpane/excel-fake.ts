import { OfficeMockObject } from "office-addin-mock";
import { utf8Bytes } from "../../src/workbook/stored";

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose package entry
// also pulls in ESM-only modules that jest (on Node 20) cannot require: give it the enum's own
// CommonJS file.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));

/**
 * A small Excel for the task pane's Excel.run code, built on office-addin-mock: every object the
 * pane gets from the API (worksheet, range, table, chart, custom XML part, a ClientResult) is an
 * OfficeMockObject, so a scalar property read before `load` and `context.sync()` gives the
 * mock's "not loaded" error instead of a value, as Office.js would refuse it. Writes are queued
 * and applied in order at `context.sync()`, and dropped when the batch throws before syncing,
 * as Excel.run does; the workbook's state after a run is what the tests read.
 */

export interface Cell {
  value?: unknown;
  formula?: string;
  format?: string;
}

export interface TableState {
  name: string;
  address: string;
  hasHeaders: boolean;
  style?: string;
}

export interface ChartState {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  position?: [string, string];
  categories?: string;
}

export interface SheetState {
  name: string;
  cells: Map<string, Cell>;
  tables: TableState[];
  charts: ChartState[];
  frozenRows?: number;
  autofit: string[];
  columnWidths: Record<string, number>;
  bold: string[];
  cleared: number;
  /** Page layout as set (ExcelApi 1.9): orientation, zoom, print title rows, the centre header. */
  page: { orientation?: string; zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number }; titleRows?: string; centerHeader?: string };
}

export interface PartState {
  id: string;
  namespace: string;
  xml: string;
}

const columnIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const columnName = (i: number): string => (i >= 26 ? columnName(Math.floor(i / 26) - 1) : "") + String.fromCharCode(65 + (i % 26));

/** The cells of "A1:K20" (or "B2"), row by row. */
export function cellsOf(address: string): string[][] {
  const [from, to = from] = address.replace(/\$/g, "").split(":");
  const a = /^([A-Z]+)(\d+)$/.exec(from);
  const b = /^([A-Z]+)(\d+)$/.exec(to);
  if (!a || !b) throw new Error(`not a cell block: ${address}`);
  const rows: string[][] = [];
  for (let r = Number(a[2]); r <= Number(b[2]); r++) {
    const row: string[] = [];
    for (let c = columnIndex(a[1]); c <= columnIndex(b[1]); c++) row.push(`${columnName(c)}${r}`);
    rows.push(row);
  }
  return rows;
}

/** Where a fake range is, for the fake's own bookkeeping (the pane never reads it). */
const where_ = Symbol("where");
const whereOf = (range: object): string => (range as Record<symbol, string>)[where_];

const namespaceOf = (xml: string) => /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";

/*
 * What Excel refuses, and where that is written down:
 *
 * - A custom XML part must be a well-formed XML document (CustomXmlPartCollection.add and
 *   CustomXmlPart.setXml, ExcelApi 1.5: "xml: XML content. Must be a valid XML fragment."). XML
 *   1.0 §2.2 (Char) leaves out U+0000–U+0008, U+000B, U+000C, U+000E–U+001F, U+FFFE, U+FFFF and
 *   lone surrogates, even written as &#…; references (§4.1, well-formedness constraint "Legal
 *   Character"). The sync that carries such XML fails with InvalidArgument.
 * - Excel on the web refuses a request or response over 5 MB ("Resource limits and performance
 *   optimization for Office Add-ins", section Excel add-ins): RequestPayloadSizeLimitExceeded.
 *   The fake counts UTF-8 bytes of the XML a batch sends and the XML its getXml calls bring back,
 *   against 5,000,000 (the smaller reading of "5 MB").
 */
export const PAYLOAD_LIMIT = 5_000_000;
const notXmlChar = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const isXmlChar = (code: number) => code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);

function refuseMalformed(xml: string): void {
  const reference = [...xml.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)].find((m) => !isXmlChar(m[1][0].toLowerCase() === "x" ? parseInt(m[1].slice(1), 16) : Number(m[1])));
  const bad = notXmlChar.exec(xml) ?? reference;
  if (bad) throw Object.assign(new Error(`InvalidArgument: the XML holds ${JSON.stringify(bad[0])}, which XML 1.0 does not allow`), { code: "InvalidArgument" });
  if (typeof DOMParser !== "undefined") {
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) throw Object.assign(new Error("InvalidArgument: the XML is not well formed"), { code: "InvalidArgument" });
  }
}

export class FakeExcel {
  readonly sheets: SheetState[] = [];
  readonly parts: PartState[] = [];
  /** Every queued operation, in the order it was applied: "Inputs!A1:K20 numberFormat". */
  readonly log: string[] = [];
  runs = 0;
  syncs = 0;
  /**
   * What other writers (a second pane, a co-author) do between this pane's requests: each
   * function runs once, before the sync it is queued for (the next one first).
   */
  readonly between: (() => void)[] = [];
  /** Operations this Excel refuses (an InvalidArgument at the sync that carries them), by their log line. */
  refuse?: (what: string) => boolean;
  private pending: { what: string; apply: () => void; bytes?: () => number }[] = [];
  private mocks: OfficeMockObject[] = [];
  private nextPart = 1;

  constructor(init: { sheets?: string[]; parts?: { xml: string; id?: string }[] } = {}) {
    for (const name of init.sheets ?? []) this.sheets.push(this.newSheet(name));
    for (const p of init.parts ?? []) this.parts.push({ id: p.id ?? this.partId(), namespace: namespaceOf(p.xml), xml: p.xml });
  }

  sheet(name: string): SheetState {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  cell(sheet: string, address: string): Cell | undefined {
    return this.sheet(sheet).cells.get(address);
  }

  /** The Excel global: Excel.run(batch) with a fresh request context. */
  get global(): { run: <T>(batch: (context: unknown) => Promise<T>) => Promise<T> } {
    return {
      run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
        this.runs++;
        this.pending = [];
        this.mocks = [];
        try {
          return await batch(this.context());
        } finally {
          // What a batch queued after its last sync is never sent.
          this.pending = [];
        }
      },
    };
  }

  private partId(): string {
    return `{PART-${this.nextPart++}}`;
  }

  private newSheet(name: string): SheetState {
    return { name, cells: new Map(), tables: [], charts: [], autofit: [], columnWidths: {}, bold: [], cleared: 0, page: {} };
  }

  private queue(what: string, apply: () => void, bytes?: () => number): void {
    this.pending.push({ what, apply, bytes });
  }

  /** An office-addin-mock object whose scalar properties must be loaded and synced before they are read. */
  private mock<T extends object>(data: T): OfficeMockObject & T {
    const m = new OfficeMockObject(data) as OfficeMockObject & T;
    this.mocks.push(m);
    return m;
  }

  private async sync(): Promise<void> {
    this.syncs++;
    this.between.shift()?.();
    const queued = this.pending;
    this.pending = [];
    const payload = queued.reduce((n, op) => n + (op.bytes?.() ?? 0), 0);
    if (payload > PAYLOAD_LIMIT) {
      throw Object.assign(new Error(`RequestPayloadSizeLimitExceeded: the request payload size has exceeded the limit (${payload} bytes)`), { code: "RequestPayloadSizeLimitExceeded" });
    }
    for (const op of queued) {
      if (this.refuse?.(op.what)) throw Object.assign(new Error(`InvalidArgument: ${op.what}`), { code: "InvalidArgument" });
      op.apply();
      this.log.push(op.what);
    }
    for (const m of this.mocks) await m.sync();
  }

  /** A collection: `load("items/name")`, then after sync `items`, each item a loaded mock. */
  private collection<I, E extends object>(list: () => I[], item: (x: I) => OfficeMockObject, scalar: string, extras: E) {
    let state: "unloaded" | "loading" | "loaded" = "unloaded";
    let items: OfficeMockObject[] = [];
    const fake = this;
    const c = {
      ...extras,
      load(what: string) {
        if (what !== `items/${scalar}`) throw new Error(`the fake loads items/${scalar}, not ${what}`);
        state = "loading";
        fake.queue(`load ${what}`, () => {
          items = list().map((x) => {
            const m = item(x);
            m.load(scalar);
            return m;
          });
          state = "loaded";
        });
        return c;
      },
      get items() {
        if (state !== "loaded") throw new Error("PropertyNotLoaded: items read before load and sync");
        return items;
      },
    };
    return c;
  }

  private context() {
    const fake = this;
    const workbook = {
      worksheets: this.collection(
        () => this.sheets,
        (s) => this.worksheet(s.name),
        "name",
        {
          getItem: (name: string) => this.worksheet(name),
          add: (name: string) => {
            this.queue(`add sheet ${name}`, () => {
              if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
              this.sheets.push(this.newSheet(name));
            });
            return this.worksheet(name);
          },
        },
      ),
      tables: this.collection(
        () => this.sheets.flatMap((s) => s.tables),
        (t) => this.mock({ name: t.name }),
        "name",
        {},
      ),
      customXmlParts: {
        getByNamespace: (ns: string) =>
          this.collection(
            () => this.parts.filter((p) => p.namespace === ns),
            (p) => this.part(p.id),
            "id",
            {},
          ),
        getItem: (id: string) => this.part(id),
        add: (xml: string) => {
          const id = this.partId();
          this.queue(
            `add part ${id}`,
            () => {
              refuseMalformed(xml);
              this.parts.push({ id, namespace: namespaceOf(xml), xml });
            },
            () => utf8Bytes(xml),
          );
          return this.part(id);
        },
      },
    };
    return {
      workbook,
      sync: () => fake.sync(),
    };
  }

  private part(id: string) {
    const state = () => {
      const p = this.parts.find((x) => x.id === id);
      if (!p) throw new Error(`ItemNotFound: part ${id}`);
      return p;
    };
    return this.mock({
      id,
      getXml: () => {
        const result = this.mock({ value: "" });
        result.load("value");
        this.queue(
          `getXml ${id}`,
          () => {
            // The value the sync brings back.
            // setValue is the mock's documented setter (typed private in its .d.ts).
            (result as unknown as { setValue(name: string, value: unknown): void }).setValue("value", state().xml);
            result.load("value");
          },
          () => utf8Bytes(this.parts.find((x) => x.id === id)?.xml ?? ""),
        );
        return result;
      },
      setXml: (xml: string) =>
        this.queue(
          `setXml ${id}`,
          () => {
            refuseMalformed(xml);
            state().xml = xml;
          },
          () => utf8Bytes(xml),
        ),
      delete: () =>
        this.queue(`delete part ${id}`, () => {
          state();
          this.parts.splice(
            this.parts.findIndex((p) => p.id === id),
            1,
          );
        }),
    });
  }

  /** Worksheet.pageLayout (ExcelApi 1.9): each setting queued, applied at the next sync. */
  private setPage<K extends keyof SheetState["page"]>(name: string, key: K, value: SheetState["page"][K]): void {
    this.queue(`${name} page ${key}`, () => (this.sheet(name).page[key] = value));
  }

  private worksheet(name: string) {
    const sheet = () => this.sheet(name);
    const w = this.mock({
      name,
      freezePanes: { freezeRows: (n: number) => this.queue(`${name} freeze ${n}`, () => (sheet().frozenRows = n)) },
      activate: () => this.queue(`${name} activate`, () => undefined),
      pageLayout: { setPrintTitleRows: (rows: string) => this.setPage(name, "titleRows", rows), headersFooters: { defaultForAllPages: {} } },
      getRange: (address?: string) => this.range(name, address),
      getUsedRangeOrNullObject: () => this.usedRange(name),
    });
    const page = w.pageLayout as Record<string, unknown> & { headersFooters: { defaultForAllPages: object } };
    Object.defineProperty(page, "orientation", { set: (v: string) => { this.setPage(name, "orientation", v); } });
    Object.defineProperty(page, "zoom", { set: (v: SheetState["page"]["zoom"]) => { this.setPage(name, "zoom", v); } });
    Object.defineProperty(page.headersFooters.defaultForAllPages, "centerHeader", { set: (v: string) => { this.setPage(name, "centerHeader", v); } });
    const tables = this.collection(
      () => sheet().tables,
      (t) =>
        this.mock({
          name: t.name,
          delete: () => this.queue(`${name} delete table ${t.name}`, () => sheet().tables.splice(sheet().tables.indexOf(t), 1)),
        }),
      "name",
      {
        add: (address: string, hasHeaders: boolean) => {
          const local = address.includes("!") ? address.split("!")[1] : address;
          const table: TableState = { name: "", address: local, hasHeaders };
          this.queue(`${name} add table ${local}`, () => {
            table.name = `Table${this.sheets.reduce((n, s) => n + s.tables.length, 0) + 1}`;
            sheet().tables.push(table);
          });
          const t = {};
          Object.defineProperty(t, "name", { set: (v: string) => this.queue(`${name} table name ${v}`, () => (table.name = v)) });
          Object.defineProperty(t, "style", { set: (v: string) => this.queue(`${name} table style ${v}`, () => (table.style = v)) });
          return t;
        },
      },
    );
    const charts = this.collection(
      () => sheet().charts,
      (c) =>
        this.mock({
          name: c.name,
          delete: () => this.queue(`${name} delete chart ${c.name}`, () => sheet().charts.splice(sheet().charts.indexOf(c), 1)),
        }),
      "name",
      {
        add: (type: string, source: object, seriesBy: string) => {
          const address = whereOf(source);
          const chart: ChartState = { name: "", type, source: address, seriesBy };
          this.queue(`${name} add chart ${type} ${address}`, () => {
            chart.name = `Chart${sheet().charts.length + 1}`;
            sheet().charts.push(chart);
          });
          const title = {};
          Object.defineProperty(title, "text", { set: (v: string) => this.queue(`${name} chart title`, () => (chart.title = v)) });
          return {
            title,
            setPosition: (from: string, to: string) => this.queue(`${name} chart position ${from}:${to}`, () => (chart.position = [from, to])),
            axes: {
              categoryAxis: {
                setCategoryNames: (range: object) => this.queue(`${name} chart categories ${whereOf(range)}`, () => (chart.categories = whereOf(range))),
              },
            },
          };
        },
      },
    );
    Object.defineProperty(w, "tables", { value: tables });
    Object.defineProperty(w, "charts", { value: charts });
    return w;
  }

  /** The block from A1's corner to the last cell written (the fake's used range), read at sync. */
  private usedRange(sheetName: string) {
    const result = this.mock({ formulas: [] as unknown[][], values: [] as unknown[][], rowIndex: 0, columnIndex: 0, isNullObject: true });
    this.queue(`${sheetName} used range`, () => {
      const at = [...this.sheet(sheetName).cells.keys()].map((a) => /^([A-Z]+)(\d+)$/.exec(a)!);
      const set = (name: string, value: unknown) => (result as unknown as { setValue(name: string, value: unknown): void }).setValue(name, value);
      if (at.length) {
        const [r0, c0] = [Math.min(...at.map((m) => Number(m[2]))), Math.min(...at.map((m) => columnIndex(m[1])))];
        const [r1, c1] = [Math.max(...at.map((m) => Number(m[2]))), Math.max(...at.map((m) => columnIndex(m[1])))];
        const block = cellsOf(`${columnName(c0)}${r0}:${columnName(c1)}${r1}`).map((row) => row.map((a) => this.sheet(sheetName).cells.get(a)));
        set("values", block.map((row) => row.map((c) => c?.value ?? "")));
        set("formulas", block.map((row) => row.map((c) => c?.formula ?? c?.value ?? "")));
        set("rowIndex", r0 - 1);
        set("columnIndex", c0);
        set("isNullObject", false);
      }
      result.load("formulas,values,rowIndex,columnIndex,isNullObject");
    });
    return result;
  }

  private range(sheetName: string, address?: string) {
    const sheet = () => this.sheet(sheetName);
    const where = `${sheetName}!${address ?? "(sheet)"}`;
    const write = (what: keyof Cell, grid: unknown[][]) => {
      if (!address || /^[A-Z]+:[A-Z]+$/.test(address)) throw new Error(`the fake writes cell blocks only, not ${where}`);
      const cells = cellsOf(address);
      if (grid.length !== cells.length || grid.some((row, r) => row.length !== cells[r].length)) throw new Error(`InvalidArgument: ${what} of ${where} is ${grid.length}×${grid[0]?.length}`);
      this.queue(`${where} ${what}`, () =>
        cells.forEach((row, r) =>
          row.forEach((a, c) => {
            const cell = sheet().cells.get(a) ?? {};
            (cell as Record<string, unknown>)[what] = grid[r][c];
            sheet().cells.set(a, cell);
          }),
        ),
      );
    };
    const r = this.mock({
      clear: (applyTo?: string) =>
        this.queue(`${where} clear ${applyTo ?? "All"}`, () => {
          if (address) throw new Error("the fake clears whole sheets only");
          sheet().cells.clear();
          sheet().cleared++;
        }),
      format: {
        autofitColumns: () => this.queue(`${where} autofit`, () => sheet().autofit.push(address ?? "")),
        font: {},
      },
    });
    const font = r.format.font as Record<string, unknown>;
    Object.defineProperty(font, "bold", { set: (v: boolean) => this.queue(`${where} bold`, () => v && sheet().bold.push(address ?? "")) });
    Object.defineProperty(r.format, "columnWidth", { set: (v: number) => this.queue(`${where} columnWidth`, () => (sheet().columnWidths[address ?? ""] = v)) });
    Object.defineProperty(r, where_, { value: `${sheetName}!${address ?? ""}` });
    Object.defineProperty(r, "values", { set: (grid: unknown[][]) => write("value", grid) });
    Object.defineProperty(r, "formulas", { set: (grid: string[][]) => write("formula", grid) });
    Object.defineProperty(r, "numberFormat", { set: (grid: string[][]) => write("format", grid) });
    return r;
  }
}

/**
 * A test suite's pane running in Excel on a FakeExcel: Office present (every requirement set
 * supported, English), the host in Excel mode; `use(fake)` makes `fake` the Excel global.
 * Registers its own beforeEach and afterEach.
 */
export function inExcel(host: { set(state: { mode: "excel"; displayLanguage: string }): void }): (fake: FakeExcel) => FakeExcel {
  beforeEach(() => {
    (globalThis as { Office?: unknown }).Office = { context: { requirements: { isSetSupported: () => true }, displayLanguage: "en-US" } };
    host.set({ mode: "excel", displayLanguage: "en-US" });
  });
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    delete (globalThis as { Excel?: unknown }).Excel;
  });
  return (fake) => {
    (globalThis as unknown as { Excel: unknown }).Excel = fake.global;
    return fake;
  };
}
