import { accountsTable, engine, policyTotal, toNumber, ZERO, type Accounts, type Decimal, type Forecast, type Lang } from "../engine";

/**
 * The values sheet: the forecast as plain numbers, for whoever opens the workbook without the
 * add-in (Excel without it, LibreOffice, WPS, Numbers). No formula anywhere on it, so it reads
 * the same everywhere; the CLI's template and the task pane's writer lay it out from this one
 * function, and the pane rewrites it when asked.
 */

export const figuresSheetNames: Readonly<Record<Lang, string>> = { "en-US": "Figures", "zh-CN": "数值" };

const words = {
  "en-US": {
    title: "Subsidy forecast: the figures as computed (plain values)",
    scenario: "Scenario",
    catalog: "Catalog version",
    computed: "Computed on",
    method: "Method",
    exact: (n: number) => `exact, over ${n} combinations of events`,
    monteCarlo: (d: number, s: number) => `Monte Carlo, ${d} draws, seed ${s}`,
    needs: "The Inputs, Forecast, Events sheets and the sheets of the views (Cash, Profit and loss, Tax, After tax) are live: they recalculate only in Excel with the Subsidy Forecast add-in. The numbers on this sheet are plain values in yuan and read the same in any spreadsheet.",
    columns: ["Year", "Ceiling (yuan)", "Expected (yuan)", "P10 (yuan)", "P50 (yuan)", "P90 (yuan)"],
    policy: (title: string) => `Expected: ${title}`,
    total: "Total",
    views: {
      cash: "Cash: received by year (yuan)",
      pl: "Profit and loss: recognised in profit by year (其他收益, or depreciation saved under the net method; yuan)",
      deferred: "Deferred income (递延收益) at year end (yuan)",
      tax: "Income tax the support brings, by year (yuan)",
      aftertax: "After tax: profit and loss less its tax, by year (yuan)",
    },
  },
  "zh-CN": {
    title: "政策补贴测算：计算时的数值（纯数值）",
    scenario: "情景",
    catalog: "条款目录版本",
    computed: "计算日期",
    method: "方法",
    exact: (n: number) => `精确计算，共 ${n} 种事件组合`,
    monteCarlo: (d: number, s: number) => `蒙特卡罗模拟，${d} 次抽样，种子 ${s}`,
    needs: "Inputs、Forecast、Events 工作表及各视图工作表（现金、损益、所得税、税后）为实时公式：只有在安装了“政策补贴测算”加载项的 Excel 中才会重新计算。本表数值为纯数值（单位：元），在任何电子表格软件中显示相同。",
    columns: ["年份", "上限（元）", "期望（元）", "P10（元）", "P50（元）", "P90（元）"],
    policy: (title: string) => `期望：${title}`,
    total: "合计",
    views: {
      cash: "现金：各年到账（元）",
      pl: "损益：各年计入利润（其他收益，或净额法下少计的折旧；元）",
      deferred: "递延收益：各年末余额（元）",
      tax: "所得税：补助各年带来的企业所得税（元）",
      aftertax: "税后：各年损益减其所得税（元）",
    },
  },
} as const;

export type FiguresCell = string | number;

export interface FiguresLayout {
  readonly sheet: string;
  /** Rectangular: every row as wide as the year table. */
  readonly rows: readonly (readonly FiguresCell[])[];
  /** 0-based row of the year table's header; amounts are below it, in columns 1… */
  readonly tableRow: number;
  /** Number formats cell by cell: text stays text ("@"), amounts in yuan. */
  readonly formats: readonly (readonly string[])[];
  /** 0-based row of each view's header, below the entitled table. */
  readonly views: readonly { readonly view: FiguresView; readonly tableRow: number }[];
}

/** The views the values sheet holds after the entitled table: the view sheets' (layout.ts viewSheets). */
export const figuresViews = ["cash", "pl", "deferred", "tax", "aftertax"] as const;
export type FiguresView = (typeof figuresViews)[number];

/** Whole yuan grouped; an amount with fen shows every digit it has, so nothing shown is rounded. */
export const figuresFormats = { text: "@", yuan: "#,##0", fractional: "#,##0.00##########", year: "0" } as const;

/**
 * `computed` is the day the figures were computed (YYYY-MM-DD); `accounts` are the forecast's
 * views (accountedForecast), each laid out as the engine's accountsTable in the sheet's language.
 */
export function figuresLayout(f: Forecast, accounts: Accounts, lang: Lang, computed: string): FiguresLayout {
  const w = words[lang];
  const documents = engine().catalog.documents;
  const policies = [...new Set(f.years.flatMap((y) => Object.keys(y.byPolicy)))].sort();
  const title = (id: string) => {
    const d = documents.find((x) => x.id === id);
    return d ? (lang === "zh-CN" ? d.title : d.titleEn) : id;
  };
  const amounts = (b: { ceiling: Decimal; expected: Decimal; p10: Decimal; p50: Decimal; p90: Decimal }) => [b.ceiling, b.expected, b.p10, b.p50, b.p90].map(toNumber);
  const header = [...w.columns, ...policies.map((p) => w.policy(title(p)))];
  const years = f.years.map((y) => [y.year, ...amounts(y), ...policies.map((p) => toNumber(y.byPolicy[p]?.expected ?? ZERO))]);
  const total = [w.total, ...amounts(f.total), ...policies.map((p) => toNumber(policyTotal(f, p).expected))];
  const method = f.method.kind === "exact" ? w.exact(f.method.worlds) : w.monteCarlo(f.method.draws, f.method.seed);
  const head: FiguresCell[][] = [[w.title], [w.scenario, f.name], [w.catalog, f.catalogVersion], [w.computed, computed], [w.method, method], [w.needs], []];
  const tableRow = head.length;
  const body: FiguresCell[][] = [...head, header, ...years, total];
  const views: { view: FiguresView; tableRow: number }[] = [];
  for (const view of figuresViews) {
    const t = accountsTable(accounts, view, lang);
    body.push([], [w.views[view]]);
    views.push({ view, tableRow: body.length });
    body.push([...w.columns, ...t.header.slice(w.columns.length).map((h) => w.policy(title(h.replace(/^expected: /, ""))))]);
    for (const row of t.rows) body.push(row.map((v, c) => (typeof v === "object" ? toNumber(v) : c === 0 && v === "total" ? w.total : v)));
  }
  const width = Math.max(...body.map((r) => r.length));
  const pad = (row: readonly FiguresCell[]) => [...row, ...Array<FiguresCell>(width - row.length).fill("")];
  const rows = body.map(pad);
  const formats = rows.map((row) =>
    row.map((v, c) => (typeof v !== "number" ? figuresFormats.text : c === 0 ? figuresFormats.year : Number.isInteger(v) ? figuresFormats.yuan : figuresFormats.fractional)),
  );
  return { sheet: figuresSheetNames[lang], rows, tableRow, formats, views };
}
