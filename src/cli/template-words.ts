import type { Lang } from "../engine";

/**
 * The template's own words in each language (issue 21: a zh-CN template is Chinese throughout):
 * the Events sheet's header, the chart's title and the names its series read, the About sheet.
 * The forecast's headers and labels are the engine's (readerTable), the sheets' names the
 * registry's (src/workbook/sheets.ts), the values sheet's src/workbook/figures.ts's.
 */
export interface TemplateWords {
  readonly chartTitle: string;
  readonly eventsHeader: readonly string[];
  readonly about: {
    readonly title: string;
    readonly scenario: string;
    readonly catalog: string;
    readonly method: string;
    exact(worlds: number): string;
    monteCarlo(draws: number, seed: number): string;
    readonly needs: string;
    /** `values`: the values sheet's name in the workbook's language. */
    needsText(values: string): string;
    readonly documentsHeader: readonly string[];
    /** Validity where the text gives no dates at all. */
    readonly noDates: string;
  };
}

export const templateWords: Readonly<Record<Lang, TemplateWords>> = {
  "en-US": {
    chartTitle: "Support by year: ceiling and expected (元)",
    eventsHeader: ["Item", "Year", "Product", "Per-matter amount (before annual caps)", "Explanation"],
    about: {
      title: "Subsidy forecast template",
      scenario: "Scenario",
      catalog: "Catalog version",
      method: "Method",
      exact: (n) => `exact over ${n} combinations`,
      monteCarlo: (d, s) => `Monte Carlo, ${d} draws, seed ${s}`,
      needs: "Needs",
      needsText: (values) => `the SUBSIDY add-in (manifest.xml) to recalculate; cached values show the engine's figures as written, and the sheet “${values}” holds them as plain values`,
      documentsHeader: ["Policy document", "Jurisdiction", "Level", "Status", "Number", "Validity", "Source file"],
      noDates: "no dates given",
    },
  },
  "zh-CN": {
    chartTitle: "各年度支持：上限与预期（元）",
    eventsHeader: ["事项", "年份", "产品", "单项金额（年度上限前）", "计算说明"],
    about: {
      title: "政策补贴测算模板",
      scenario: "情景",
      catalog: "条款目录版本",
      method: "方法",
      exact: (n) => `精确计算，共 ${n} 种事件组合`,
      monteCarlo: (d, s) => `蒙特卡罗模拟，${d} 次抽样，种子 ${s}`,
      needs: "所需",
      needsText: (values) => `重新计算需安装“政策补贴测算”加载项（manifest.xml）；未安装时，单元格显示写入时引擎计算的缓存值，“${values}”工作表另以纯数值列示`,
      documentsHeader: ["政策文件", "适用地区", "层级", "状态", "文号", "有效期", "原文文件"],
      noDates: "原文未载明",
    },
  },
};
