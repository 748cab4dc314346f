import { accountsTable, engine, formatTitle, lineView, lineWhy, rollForwardTable, wordsFor, policyTotal, toNumber, WAN, ZERO, type Accounts, type Decimal, type Forecast, type Lang } from "../engine";
import { viewSheets, type ViewCode } from "./layout";
import { sheetName, sheetRegistry } from "./sheets";

/**
 * The values sheet: the forecast as plain numbers, for whoever opens the workbook without the
 * add-in (Excel without it, LibreOffice, WPS, Numbers). No formula anywhere on it, so it reads
 * the same everywhere; the CLI's template and the task pane's writer lay it out from this one
 * function, and the pane rewrites it when asked.
 */

/** The live sheets, named as the workbook names them. */
const liveSheets = (lang: Lang) => sheetRegistry.filter((s) => s.kind === "live").map((s) => s.names[lang]);

const words = {
  "en-US": {
    title: "Subsidy forecast: the figures as computed (plain values)",
    scenario: "Scenario",
    catalog: "Catalog version",
    computed: "Computed on",
    method: "Method",
    exact: (n: number) => `exact, over ${n} combinations of events`,
    monteCarlo: (d: number, s: number) => `Monte Carlo, ${d} draws, seed ${s}`,
    needs: (live: readonly string[]) =>
      `The sheets ${live.join(", ")} are live: they recalculate only in Excel with the Subsidy Forecast add-in, and show #NAME? elsewhere. The numbers on this sheet are plain values, in yuan and then in 万元, and read the same in any spreadsheet.`,
    wan: "The same table in 万元 (yuan ÷ 10,000)",
    columns: ["Year", "Ceiling (yuan)", "Expected (yuan)", "P10 (yuan)", "P50 (yuan)", "P90 (yuan)"],
    policy: (title: string) => `Expected: ${title}`,
    total: "Total",
    views: {
      cash: "Cash: received by year (yuan)",
      taxPaid: "Income tax paid on the support, by year paid (quarterly prepayment, or 汇算清缴 the next year; yuan)",
      netCash: "Net cash: received less its VAT, surcharges and income tax paid (yuan)",
      pl: "Profit and loss: recognised in profit by year (其他收益, or depreciation saved under the net method; yuan)",
      deferred: "Deferred income (递延收益) at year end (yuan)",
      tax: "Income tax expense (所得税费用) the support brings: current tax plus the change in deferred tax (yuan)",
      currentTax: "Current tax (当期所得税): on support the year it is received, or on the costs non-taxable funds pay (yuan)",
      deferredTaxAsset: "Deferred tax asset (递延所得税资产) at year end (yuan)",
      deferredTaxLiability: "Deferred tax liability (递延所得税负债) at year end (yuan)",
      nonDeductible: "Of the current tax, what non-taxable funds (不征税收入) bring: costs not deductible and super deduction lost (yuan)",
      aftertax: "After tax: profit and loss less its tax, by year (yuan)",
    },
    rollforward: "Roll-forward of the balances the support leaves (expected; yuan)",
    why: "Why each line shows what it shows, view by view (the ceiling's arithmetic)",
    whyColumns: ["View", "Entitled", "Line", "Why"],
    short: { cash: "Cash", taxPaid: "Tax paid", netCash: "Net cash", pl: "Profit and loss", deferred: "Deferred income", tax: "Tax expense", currentTax: "Current tax", deferredTaxAsset: "Deferred tax asset", deferredTaxLiability: "Deferred tax liability", nonDeductible: "Non-taxable funds' tax", aftertax: "After tax" },
  },
  "zh-CN": {
    title: "政策补贴测算：计算时的数值（纯数值）",
    scenario: "情景",
    catalog: "条款目录版本",
    computed: "计算日期",
    method: "方法",
    exact: (n: number) => `精确计算，共 ${n} 种事件组合`,
    monteCarlo: (d: number, s: number) => `蒙特卡罗模拟，${d} 次抽样，种子 ${s}`,
    needs: (live: readonly string[]) =>
      `${live.join("、")} 工作表为实时公式：只有在安装了“政策补贴测算”加载项的 Excel 中才会重新计算，在其他软件中显示 #NAME?。本表数值为纯数值（先以元、再以万元列示），在任何电子表格软件中显示相同。`,
    wan: "同一表格，以万元计（元 ÷ 10,000）",
    // DESIGN's glossary (上限 / 预期) and the engine's year table (10%分位数, 中位数, 90%分位数).
    columns: ["年份", "上限（元）", "预期（元）", "10%分位数（元）", "中位数（元）", "90%分位数（元）"],
    policy: (title: string) => `预期：${title}`,
    total: "合计",
    views: {
      cash: "现金：各年到账（元）",
      taxPaid: "所得税缴纳：补助的所得税按缴纳年度（按季预缴，或次年汇算清缴；元）",
      netCash: "现金净额：到账减去其增值税、附加税费及所缴所得税（元）",
      pl: "损益：各年计入利润（其他收益，或净额法下少计的折旧；元）",
      deferred: "递延收益：各年末余额（元）",
      tax: "所得税费用：补助各年带来的当期所得税加递延所得税的变动（元）",
      currentTax: "当期所得税：补助到账年度计税，或不征税收入资助支出不得扣除（元）",
      deferredTaxAsset: "递延所得税资产：各年末余额（元）",
      deferredTaxLiability: "递延所得税负债：各年末余额（元）",
      nonDeductible: "其中：不征税收入带来的税（支出不得扣除及不得加计扣除；元）",
      aftertax: "税后：各年损益减其所得税（元）",
    },
    rollforward: "补助形成的余额变动表（预期；元）",
    why: "各视图中每一行的算法（按上限）",
    whyColumns: ["视图", "取得资格", "项目", "算法"],
    short: { cash: "现金", taxPaid: "所得税缴纳", netCash: "现金净额", pl: "损益", deferred: "递延收益", tax: "所得税费用", currentTax: "当期所得税", deferredTaxAsset: "递延所得税资产", deferredTaxLiability: "递延所得税负债", nonDeductible: "不征税收入带来的税", aftertax: "税后" },
  },
} as const;

export type FiguresCell = string | number;

export interface FiguresLayout {
  readonly sheet: string;
  /** Rectangular: every row as wide as the year table. */
  readonly rows: readonly (readonly FiguresCell[])[];
  /** 0-based row of the year table's header; amounts are below it, in columns 1… */
  readonly tableRow: number;
  /** 0-based row of the same table's header in 万元 (every amount ÷ 10,000). */
  readonly wanRow: number;
  /** Number formats cell by cell: text stays text ("@"), amounts in yuan. */
  readonly formats: readonly (readonly string[])[];
  /** 0-based row of each view's header, below the entitled table. */
  readonly views: readonly { readonly view: FiguresView; readonly tableRow: number }[];
  /** 0-based row of the roll-forward's header, where the support leaves a balance. */
  readonly rollRow?: number;
}

/** The views the values sheet holds after the entitled table: the view sheets' (layout.ts viewSheets), in their order. */
export const figuresViews = viewSheets.flatMap((s) => [s.view, ...s.beside]);
export type FiguresView = ViewCode;

/** Whole yuan grouped; an amount with fen shows every digit it has, so nothing shown is rounded. */
export const figuresFormats = { text: "@", yuan: "#,##0", fractional: "#,##0.00##########", wan: "#,##0.00####", year: "0" } as const;

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
  // Amounts in a unit: yuan as they are, 万元 divided exactly (Decimal), as the engine's figures are.
  const entitled = (unit: (d: Decimal) => number) => {
    const amounts = (b: { ceiling: Decimal; expected: Decimal; p10: Decimal; p50: Decimal; p90: Decimal }) => [b.ceiling, b.expected, b.p10, b.p50, b.p90].map(unit);
    const years = f.years.map((y) => [y.year, ...amounts(y), ...policies.map((p) => unit(y.byPolicy[p]?.expected ?? ZERO))]);
    const total = [w.total, ...amounts(f.total), ...policies.map((p) => unit(policyTotal(f, p).expected))];
    return [...years, total];
  };
  const header = [...w.columns, ...policies.map((p) => w.policy(title(p)))];
  const wanHeader = header.map((h, c) => (c === 0 ? h : h.replace("（元）", "（万元）").replace("(yuan)", "(万元)")));
  const method = f.method.kind === "exact" ? w.exact(f.method.worlds) : w.monteCarlo(f.method.draws, f.method.seed);
  const head: FiguresCell[][] = [[w.title], [w.scenario, f.name], [w.catalog, f.catalogVersion], [w.computed, computed], [w.method, method], [w.needs(liveSheets(lang))], []];
  const tableRow = head.length;
  const body: FiguresCell[][] = [...head, header, ...entitled(toNumber), [], [w.wan]];
  const wanRow = body.length;
  body.push(wanHeader, ...entitled((d) => toNumber(d.dividedBy(WAN))));
  const wanEnd = body.length;
  const views: { view: FiguresView; tableRow: number }[] = [];
  for (const view of figuresViews) {
    const t = accountsTable(accounts, view, lang);
    body.push([], [w.views[view]]);
    views.push({ view, tableRow: body.length });
    body.push([...w.columns, ...t.header.slice(w.columns.length).map((h) => w.policy(title(h.replace(/^expected: /, ""))))]);
    for (const row of t.rows) body.push(row.map((v, c) => (typeof v === "object" ? toNumber(v) : c === 0 && v === "total" ? w.total : v)));
  }
  // The balances' roll-forward (opening + increase − decrease = closing), in the sheet's language.
  const roll = rollForwardTable(accounts, lang);
  const rollRow = roll.rows.length ? body.length + 2 : undefined;
  if (roll.rows.length) body.push([], [w.rollforward], roll.header, ...roll.rows.map((r) => r.map((v) => (typeof v === "object" ? toNumber(v) : v))));
  // Each line's why in each view it shows in (lineWhy), the words the pane shows beside it.
  const said = wordsFor(lang);
  const whys = figuresViews.flatMap((view) =>
    accounts.lines.flatMap((l) => {
      const v = lineView(accounts, l, view);
      return v.years.length || !v.before.isZero() || !v.after.isZero() ? [[w.short[view], l.line.year, `${formatTitle(l.line.title, lang)} — ${said.cite(l.line.trace)}`, lineWhy(accounts, l, view, lang)]] : [];
    }),
  );
  const whyRow = whys.length ? body.length + 2 : undefined;
  if (whys.length) body.push([], [w.why], [...w.whyColumns], ...whys);
  // Below the views, the roll-forward and the whys hold a year in their second column.
  const yearSecond = rollRow ?? whyRow ?? Infinity;
  const width = Math.max(...body.map((r) => r.length));
  const pad = (row: readonly FiguresCell[]) => [...row, ...Array<FiguresCell>(width - row.length).fill("")];
  const rows = body.map(pad);
  const formats = rows.map((row, r) =>
    row.map((v, c) =>
      typeof v !== "number" ? figuresFormats.text : c === 0 || (r > yearSecond && c === 1) ? figuresFormats.year : r > wanRow && r < wanEnd ? figuresFormats.wan : Number.isInteger(v) ? figuresFormats.yuan : figuresFormats.fractional,
    ),
  );
  return { sheet: sheetName("figures", lang), rows, tableRow, wanRow, formats, views, ...(rollRow !== undefined ? { rollRow } : {}) };
}
