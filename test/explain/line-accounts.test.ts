import { readFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { accounts, forecast, formatLine, parseScenario } from "../../src/engine";
import { call } from "../../src/functions/reports";
import { englishWords, identifiers } from "./support";

/*
 * A forecast line's explanation says how its amount moves from entitlement to cash to profit and
 * tax, with the settings it used; EXPLAIN of one function call does not (a call has no plan).
 * examples/shenzhen-cfo-views.json: the 深圳（七）plant grant 6,000,000 entitled in 2026, paid a
 * year later (the default lag), asset-related over the event's 20-year life, gross method, so
 * 6,000,000 / 19 = 315,789.47 a year from 2027 (the life left when the money arrives), 15% tax.
 */
const file = join(__dirname, "..", "..", "examples", "shenzhen-cfo-views.json");
const s = parseScenario(JSON.parse(readFileSync(file, "utf8")));
const f = forecast(s);
const plant = accounts(s, f).lines.find((l) => l.line.trace.clause.id === "shenzhen-device/7")!;

test("the plant's line, in English: entitled, received, class, life, method, tax", () => {
  const text = formatLine(plant.line, "en-US", plant);
  const last = text.split("\n").pop()!;
  expect(last).toMatch(/^ {6}cash and profit: entitled 2026: 6,000,000; received 2027 \(payment lag 1 year, default\); asset-related: /);
  expect(last).toContain("useful life 20 years (set on the event); gross method: deferred income, recognised over 19 years from 2027, about 315,789.47 a year; taxed at 15%");
  // Without its accounts the line is as before: the story is only added.
  expect(text.startsWith(formatLine(plant.line, "en-US"))).toBe(true);
});

test("the same in Chinese, with no English word or internal name", () => {
  const last = formatLine(plant.line, "zh-CN", plant).split("\n").pop()!;
  expect(last).toMatch(/^ {6}到账与损益：2026 年取得资格 6,000,000 元，2027 年到账（付款滞后 1 年，/);
  expect(last).toContain("使用寿命 20 年");
  expect(last).toContain("总额法：确认为递延收益，自 2027 年起分 19 年计入其他收益，每年约 315,789.47 元");
  expect(last).toContain("按 15% 计税");
  expect(englishWords(last)).toEqual([]);
  expect(identifiers(last)).toEqual([]);
});

test("subsidy forecast prints each line's way to cash and profit; EXPLAIN of a single call does not", async () => {
  const out: string[] = [];
  expect(await main(["forecast", file], { out: (t) => out.push(t), err: () => undefined })).toBe(0);
  const text = out.join("\n");
  expect(text).toContain("cash and profit: entitled 2026: 8,000,000; received 2026 (payment lag 0 years, set for the clause)");
  expect(text.match(/cash and profit: /g)).toHaveLength(f.lines.length);
  // 深圳（七）alone: min(40% × 20,000,000, 3,000 × 2,000) = 6,000,000, and no accounting words.
  const single = call("EXPLAIN", ["FACILITY", 20000000, 2000, "shenzhen"]);
  expect(single).toMatch(/6,000,000/);
  expect(single).not.toMatch(/cash and profit|received|deferred/);
  const zh = call("EXPLAIN", ["FACILITY", 20000000, 2000, "shenzhen"], { lang: "zh-CN" });
  expect(zh).toMatch(/6,000,000元/);
  expect(zh).not.toMatch(/到账与损益|递延收益/);
});
