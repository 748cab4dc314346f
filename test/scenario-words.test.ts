import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenario, ScenarioError, scenarioToInputs, type Lang } from "../src/engine";
import { CellError } from "../src/functions/cells";
import { forecastCells } from "../src/functions/reports";

/*
 * Issue 21: a scenario's problems as its reader knows the fields (研发投入, "R&D cost"), the path
 * in the file kept beside the name for whoever edits the JSON, in the reader's language; a bad
 * device class no longer a bare "Invalid input".
 */

const base = {
  schemaVersion: 1,
  name: "x",
  enterprise: { region: "shenzhen", sector: "device" },
  horizon: { from: 2026, to: 2030 },
  events: [] as unknown[],
};
const certificate = { type: "certificate", year: 2027, product: "A", class: 3, rdCost: "5000000" };

function problems(raw: unknown, lang: Lang): readonly string[] {
  try {
    parseScenario(raw);
  } catch (e) {
    if (e instanceof ScenarioError) return e.problemsIn(lang);
    throw e;
  }
  throw new Error("the scenario was accepted");
}

test.each([
  ["a device class 4", { ...base, events: [{ ...certificate, class: 4 }] }, "device class (events[0].class): must be one of 1, 2, 3", "器械类别（events[0].class）：应为 1、2、3 之一"],
  [
    "a negative R&D cost on the seventh event",
    { ...base, events: [...Array(6).fill(certificate), { ...certificate, rdCost: -1 }] },
    "R&D cost (events[6].rdCost): must be ≥ 0 yuan, got -1",
    "研发投入（events[6].rdCost）：不能小于 0 元（输入为 -1）",
  ],
  ["a horizon that ends before it starts", { ...base, horizon: { from: 2030, to: 2026 } }, "last year (horizon.to): must not be before the first year", "截止年度（horizon.to）：不能早于起始年度"],
  ["a field the format does not have", { ...base, enterprise: { ...base.enterprise, colour: "red" } }, 'enterprise (enterprise): has fields the format does not have: "colour"', "企业（enterprise）：含有无法识别的字段：\"colour\""],
  ["a region nobody knows", { ...base, enterprise: { ...base.enterprise, region: "mars" } }, 'region (enterprise.region): must be changping, beijing or shenzhen (昌平, 北京, 深圳), a place a pack adds, or a path (北京市›昌平区), optionally followed by +zone (+中关村示范区); "mars" is not a known place', '地区（enterprise.region）：应为 changping、beijing、shenzhen（昌平、北京、深圳）、政策包加入的地名，或路径（北京市›昌平区），其后可加“+园区”（+中关村示范区）；“mars”不是已知地名'],
  ["a year as text", { ...base, events: [{ ...certificate, year: "2027" }] }, "year (events[0].year): must be a number", "年度（events[0].year）：应为数字"],
  ["a missing product", { ...base, events: [{ type: "certificate", year: 2027, class: 3, rdCost: "1" }] }, "product (events[0].product): is required", "产品（events[0].product）：为必填项"],
])("%s: named as the user knows the field, its path kept, in either language", (_what, raw, en, zh) => {
  expect(problems(raw, "en-US")).toEqual([en]);
  expect(problems(raw, "zh-CN")).toEqual([zh]);
});

test("an unknown event type lists the types the format has", () => {
  const [zh] = problems({ ...base, events: [{ type: "teleport", year: 2027 }] }, "zh-CN");
  expect(zh).toMatch(/^事件类型（events\[0\]\.type）：应为以下事件类型之一："certificate"、"innovativeReview"、.*"other"$/);
});

test("FORECAST over an Inputs table names the row, the event and the field, in Office's language", () => {
  const scenario = parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "examples", "shenzhen-imaging-plant.json"), "utf8")));
  const rows = scenarioToInputs(scenario);
  const i = rows.findIndex((r) => r[0] === "facility");
  rows[i] = rows[i].map((c, j) => (j === 3 ? -5 : c));
  const zh = forecastCells(rows, undefined, undefined, { display: "zh-CN" }) as CellError;
  const en = forecastCells(rows, undefined, undefined, { display: "en-US" }) as CellError;
  // The Inputs table's row i + 1 (the header is row 1); the Value column holds the plant's cost.
  // The row's item as a Chinese table names it (厂房设施), not the scenario's code.
  expect(zh.message).toBe(`第 ${i + 1} 行（厂房设施）：建设费用：不能小于 0 元（输入为 -5）`);
  expect(en.message).toBe(`row ${i + 1} (facility): construction cost: must be ≥ 0 yuan, got -5`);
});

test("an amount typed the Chinese way in an Inputs row is read as the same yuan", () => {
  const scenario = parseScenario(JSON.parse(readFileSync(join(__dirname, "..", "examples", "shenzhen-imaging-plant.json"), "utf8")));
  const rows = scenarioToInputs(scenario);
  const i = rows.findIndex((r) => r[0] === "facility");
  const cost = Number(rows[i][3]);
  // The plant's cost written in 万 (cost / 10,000 万), full-width: the same forecast to the fen.
  const typed = rows.map((r, k) => (k === i ? r.map((c, j) => (j === 3 ? `${String(cost / 10000).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))}万` : c)) : r));
  expect(forecastCells(typed)).toEqual(forecastCells(rows));
});
