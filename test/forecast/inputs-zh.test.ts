import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { columnCode, engine, forecast, inputColumnsZh, inputItems, inputItemsZh, itemCode, parseScenario, scenarioFromInputs, scenarioToInputs, ScenarioError } from "../../src/engine";

/*
 * Issue 21: the Inputs table of a zh-CN workbook is Chinese (header, items, the words with a
 * Chinese form), and reads back to the same scenario as the English table.
 */

const dir = join(__dirname, "..", "..", "examples");
const examples = readdirSync(dir).filter((f) => f.endsWith(".json"));
const load = (f: string) => parseScenario(JSON.parse(readFileSync(join(dir, f), "utf8")));

test.each(examples)("%s: the zh-CN table reads back as the English one, with the same forecast", (file) => {
  const s = load(file);
  const zh = scenarioToInputs(s, "zh-CN");
  const en = scenarioToInputs(s);
  expect(zh.length).toBe(en.length);
  // The region as the reader names the place (深圳市, 昌平区): the same texts reached (ruling 66).
  const [fromZh, fromEn] = [scenarioFromInputs(zh), scenarioFromInputs(en)];
  expect(engine().reach(fromZh.enterprise.region)).toEqual(engine().reach(fromEn.enterprise.region));
  expect(fromZh.enterprise.region).toMatch(/^(深圳市|昌平区)$/);
  expect({ ...fromZh, enterprise: fromEn.enterprise }).toEqual(fromEn);
  expect(forecast(scenarioFromInputs(zh)).years).toEqual(forecast(s).years);
});

test("the zh-CN table of the Shenzhen plant, as a reader sees it", () => {
  const rows = scenarioToInputs(load("shenzhen-imaging-plant.json"), "zh-CN");
  expect(rows[0]).toEqual(["项目", "年份", "产品", "取值", "类别", "选项", "面积", "概率", "兑现比例", "备注", "事实"]);
  const byItem = (item: string) => rows.filter((r) => r[0] === item).map((r) => r.filter((c) => c !== null));
  expect(byItem("地区")).toEqual([["地区", "深圳市"]]);
  expect(byItem("行业")).toEqual([["行业", "医疗器械"]]);
  expect(byItem("中小企业")).toEqual([["中小企业", "否"]]);
  expect(byItem("资产补助核算方法")).toEqual([["资产补助核算方法", "总额法"]]);
  // The PET-CT certificate: class 3 by the national innovative review (国家创新), 15,000,000 yuan of R&D.
  expect(byItem("注册证")).toContainEqual(["注册证", 2027, "PET-CT", 15000000, 3, "国家创新"]);
  expect(byItem("带量采购")).toHaveLength(4);
});

test("every setting and event in Chinese, facts by their labels, reads back", () => {
  const s = scenarioFromInputs([
    ["Item", "Year", "Product", "Value", "Class", "Option", "Area", "Probability", "Realisation", "Label", "Facts"],
    ["region", null, null, null, null, "shenzhen"],
    ["sector", null, null, null, null, "device"],
    ["from", 2026],
    ["to", 2028],
    ["asset method", null, null, null, null, "net"],
    ["useful life", null, null, 8, null, "equipment"],
    ["deferred tax asset", null, null, null, null, "no"],
    ["recognition", null, null, "receivable", null, "shenzhen-device"],
    ["certificate", 2027, "CT-64", 10000000, 3, "provincial, local"],
    ["facility", 2026, null, 20000000, null, null, 2000, null, null, null, "usefulLife=30; readyForUse=2026-06"],
    ["other", 2027, null, null, null, "innovation", null, null, null, null, "shenzhenSpecialProject=frontier; projectCost=8000000; usefulLife=5"],
  ]);
  const zh = scenarioToInputs(s, "zh-CN");
  expect(scenarioFromInputs(zh)).toEqual({ ...s, enterprise: { ...s.enterprise, region: "深圳市" } });
  const cells = zh.flat().filter((c): c is string => typeof c === "string");
  expect(cells).toEqual(expect.arrayContaining(["净额法", "机器设备", "否", "应收时", "省级创新，落地生产", "使用寿命=30；达到可使用状态=2026-06"]));
  // A catalog fact by its Chinese label (facts.json), its code value as typed.
  expect(cells.some((c) => c.startsWith("市级重大专项类别：") && c.includes("=frontier；项目经费=8000000；使用寿命=5"))).toBe(true);
});

test("the words are one-to-one: each Chinese word reads as its own code, none taken twice", () => {
  for (const [code, zh] of Object.entries(inputColumnsZh)) expect(columnCode(zh)).toBe(code);
  for (const item of inputItems) expect(itemCode(inputItemsZh[item])).toBe(item);
  expect(new Set(Object.values(inputItemsZh)).size).toBe(inputItems.length);
  // No item's word is Latin but the proper name FDA.
  expect(Object.values(inputItemsZh).filter((w) => /[A-Za-z]/.test(w.replace("FDA", "")))).toEqual([]);
});

test("a bad zh-CN table is named in Chinese: the header and an unknown item", () => {
  const rows = scenarioToInputs(load("shenzhen-imaging-plant.json"), "zh-CN");
  const said = (bad: unknown[][]) => {
    try {
      scenarioFromInputs(bad as never);
    } catch (e) {
      return (e as ScenarioError).problemsIn("zh-CN").join("\n");
    }
    throw new Error("accepted");
  };
  expect(said([["x"], ...rows.slice(1)])).toMatch(/^首行须为表头：项目、年份、产品/);
  expect(said([...rows, ["彩票", 2027]])).toMatch(/第 \d+ 行：项目“彩票”应为以下之一：名称、企业、地区/);
});
