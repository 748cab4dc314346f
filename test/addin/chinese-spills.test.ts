import { readFileSync } from "node:fs";
import { join } from "node:path";
import { forecast, parseScenario, scenarioToInputs } from "../../src/engine";
import { ErrorCode, ExcelError, loadedFunctions } from "./support";

/*
 * Issue 21: FORECAST and CLAUSES spill their headers and labels in Office's display language,
 * or in the language their last argument names, through the BUILT bundle.
 */

const scenario = parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "..", "examples", "changping-device-startup.json"), "utf8")));
const startup = scenarioToInputs(scenario);
/** The documents that pay in the example, in their ids' order: the table's policy columns. */
const policies = [...new Set(forecast(scenario).years.flatMap((y) => Object.keys(y.byPolicy)))].sort();
/** Each document's short name, as a column header says it. */
const names: Record<string, [zh: string, en: string]> = {
  "beijing-device": ["北京器械措施", "Beijing devices"],
  "changping-device": ["昌平器械措施（征求意见稿）", "Changping devices (draft)"],
  "changping-pharma": ["昌平组团医药健康（征求意见稿）", "Changping FTZ health (draft)"],
  zhongguancun: ["中关村意见", "Zhongguancun"],
};

describe("FORECAST", () => {
  test("in a Chinese Office: 年度, 上限, 预期, the band, 预期 per policy by its short name, 合计", async () => {
    const zh = await loadedFunctions("zh-CN");
    const table = zh.get("FORECAST")!(startup, null, null) as unknown[][];
    expect(policies).toEqual(expect.arrayContaining(["beijing-device", "changping-device"]));
    expect(table[0]).toEqual(["年度", "上限", "预期", "10%分位数", "中位数", "90%分位数", ...policies.map((p) => `预期：${names[p][0]}`)]);
    expect(table[table.length - 1][0]).toBe("合计");
  });

  test("in an English Office: the same table, its words English; the amounts are the same numbers", async () => {
    const [zh, en] = await Promise.all([loadedFunctions("zh-CN"), loadedFunctions("en-US")]);
    const inZh = zh.get("FORECAST")!(startup, null, null) as unknown[][];
    const inEn = en.get("FORECAST")!(startup, null, null) as unknown[][];
    expect(inEn[0]).toEqual(["year", "ceiling", "expected", "p10", "p50", "p90", ...policies.map((p) => `expected: ${names[p][1]}`)]);
    expect(inEn[inEn.length - 1][0]).toBe("total");
    const amounts = (t: unknown[][]) => t.slice(1).map((r) => r.slice(1));
    expect(amounts(inEn)).toEqual(amounts(inZh));
  });

  test("the language argument wins over Office's: a workbook shared across languages reads the same", async () => {
    const [zh, en] = await Promise.all([loadedFunctions("zh-CN"), loadedFunctions("en-US")]);
    expect(en.get("FORECAST")!(startup, "cash", "zh-CN")).toEqual(zh.get("FORECAST")!(startup, "cash", null));
    expect(zh.get("FORECAST")!(startup, "现金", "en-US")).toEqual(en.get("FORECAST")!(startup, "cash", null));
    expect(en.get("FORECAST")!(startup, null, "中文")).toEqual(zh.get("FORECAST")!(startup, null, "zh-CN"));
  });

  test("a view's rows after the horizon and its settings are labelled in the language too", async () => {
    const zh = await loadedFunctions("zh-CN");
    const labels = (zh.get("FORECAST")!(startup, "cash", null) as unknown[][]).map((r) => r[0]).filter((v) => typeof v === "string");
    // horizon 2026–2030 (the example): 2030年以后 for what is received later; 合计; each setting as 假设.
    expect(labels).toEqual(expect.arrayContaining(["年度", "2030年以后", "合计", "假设"]));
  });

  test("an unknown language is #VALUE! saying which are accepted", async () => {
    const zh = await loadedFunctions("zh-CN");
    const [[cell]] = zh.get("FORECAST")!(startup, null, "klingon") as unknown[][];
    expect(cell).toBeInstanceOf(ExcelError);
    expect(cell).toMatchObject({ code: ErrorCode.invalidValue, message: '语言应为 "zh-CN"（中文）或 "en-US"（英文）（输入为 "klingon"）' });
  });
});

describe("CLAUSES", () => {
  test("in a Chinese Office: Chinese columns, places, levels, statuses, topics and summaries", async () => {
    const zh = await loadedFunctions("zh-CN");
    const [header, ...rows] = zh.get("CLAUSES")!("shenzhen", "registration", null) as string[][];
    expect(header).toEqual(["编号", "文件", "条款", "适用地区", "层级", "状态", "主题", "有无金额", "摘要", "原文", "上限与限制", "工作日时限", "有效期"]);
    const five = rows.find((r) => r[2] === "（五）")!;
    expect(five.slice(1, 8)).toEqual(["深圳市促进高端医疗器械产业集群高质量发展的若干措施", "（五）", "深圳市", "市级", "有效", "医疗器械注册证", "有"]);
    // Shenzhen's text gives a term from an issue date it does not state: 有效期5年.
    expect(five[12]).toBe("有效期5年");
  });

  test("the language argument gives the English table in a Chinese Office", async () => {
    const [zh, en] = await Promise.all([loadedFunctions("zh-CN"), loadedFunctions("en-US")]);
    expect(zh.get("CLAUSES")!("shenzhen", null, "en-US")).toEqual(en.get("CLAUSES")!("shenzhen", null, null));
    const [header, ...rows] = en.get("CLAUSES")!("shenzhen", "registration", null) as string[][];
    expect(header[4]).toBe("level");
    expect(rows.find((r) => r[2] === "（五）")!.slice(3, 8)).toEqual(["Shenzhen", "municipal", "in force", "Device registration certificate", "yes"]);
  });
});
