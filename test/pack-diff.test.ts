import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { main } from "../src/cli/main";
import { packHash } from "../src/cli/pack";
import { Decimal, engine } from "../src/engine";
import { diffFigures, diffPacks, forecastOn } from "../src/engine/pack-diff";
import { catalogWithPacks, readPack, type LoadedPack } from "../src/engine/packs";

/*
 * `subsidy pack diff` (issue 17, item 4). test/fixtures/suzhou-sip-example-2027 is a hand-made
 * revision of the EXAMPLE pack (a fictional 苏州工业园区 text, not a real policy): 第三条 (首台套)
 * removed, 第四条's cap raised from 500万 to 800万 (its sentence with it), 第六条 (liability
 * insurance, 50% of the premium, at most 50万 per enterprise a year) added, the validity extended
 * from 2028-12-31 to 2030-12-31, version 2026.1 → 2027.1, its worked examples following.
 */

const fixtures = join(__dirname, "fixtures");
const OLD = join(fixtures, "suzhou-sip-example");
const NEW = join(fixtures, "suzhou-sip-example-2027");
const SCENARIO = join(fixtures, "suzhou-sip-revision-scenario.json");

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out, err };
}

function loaded(dir: string, edit?: (p: Record<string, any>) => void): LoadedPack {
  const json = JSON.parse(readFileSync(join(dir, "pack.json"), "utf8"));
  edit?.(json);
  const text = readFileSync(join(dir, "text.txt"), "utf8");
  const read = readPack({ path: dir, json, text, hash: packHash(json, text) });
  if (!read.pack) throw new Error(JSON.stringify(read.problems));
  return read.pack;
}

afterEach(() => {
  // Forecasting under each version leaves the bundled catalog in use.
  expect(engine().catalog.documents.map((d) => d.id)).toEqual(["changping-device", "changping-pharma", "shenzhen-device", "beijing-device", "zhongguancun"]);
});

describe("the diff as data (engine, what the task pane shows too)", () => {
  test("entry by entry: one added, one removed, the cap and its sentence changed, the date and version", () => {
    const d = diffPacks(loaded(OLD), loaded(NEW));
    expect(d.identical).toBe(false);
    expect(d.pack).toEqual([{ field: "version", old: "2026.1", new: "2027.1" }]);
    expect(d.document).toEqual([{ field: "validTo", old: "2028-12-31", new: "2030-12-31" }]);
    expect(d.textChanged).toBe(true);
    expect(d.facts).toEqual([]);
    expect(d.entries.map((e) => `${e.kind} ${e.entry}`)).toEqual(["changed suzhou-sip-device/2.3", "changed suzhou-sip-device/4", "added suzhou-sip-device/6", "removed suzhou-sip-device/3"]);
    const gmp = d.entries[1];
    expect(gmp.kind === "changed" && gmp.fields.map((f) => f.field)).toEqual(["sentence", "summary.en", "summary.zh", "caps[0].amount", "caps[0].sentence"]);
    expect(gmp.kind === "changed" && gmp.fields[3]).toEqual({ field: "caps[0].amount", old: "5000000", new: "8000000", per: { zh: "每个项目", en: "per project" } });
    // 2.3 itself is unchanged; the scenario example that names it was rewritten.
    expect(d.entries[0].kind === "changed" && d.entries[0].fields.map((f) => f.field)).toEqual(["examples"]);
    expect(d.examples.map((x) => `${x.kind} ${x.name}`)).toEqual([
      "added 情景：2027年三类证",
      "added 第六条：临床试验责任保险保费60万元",
      "removed 第三条：首台（套）当年销售额800万元（单个函数不计企业年度上限，裁定9）",
      "removed 情景：2027年三类证，2028年两笔首台（套）销售受企业年度上限",
    ]);
  });

  test("a rate, a condition, a status and the accounting class are named by field", () => {
    const d = diffPacks(
      loaded(OLD),
      loaded(OLD, (p) => {
        p.document.clauses[0].formula.rate = "0.3";
        p.document.clauses[0].conditions = [{ fact: "deviceClass", op: "in", value: [2, 3] }];
        p.document.status = "draft";
        p.accounting["suzhou-sip-device/4"] = { class: "incurred", words: "按实际投入的15%给予补助", zh: "按已发生的投入计算", en: "a share of costs already incurred" };
      }),
    );
    expect(d.document).toEqual([{ field: "status", old: "in-force", new: "draft" }]);
    expect(d.entries.map((e) => (e.kind === "changed" ? `${e.entry}: ${e.fields.map((f) => f.field).join(", ")}` : e.kind))).toEqual(["suzhou-sip-device/2.2: conditions, formula.rate", "suzhou-sip-device/4: accounting"]);
    expect(d.textChanged).toBe(false);
  });

  test("a cap added whole is shown with its amount and its sentence", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "pack-diff-")), "capped");
    cpSync(OLD, dir, { recursive: true });
    const json = JSON.parse(readFileSync(join(dir, "pack.json"), "utf8"));
    // 第三条 gains the 第四条 sentence's cap as a second one (quoted from the same text, so check passes).
    json.document.clauses[2].caps = [{ amount: "5000000", per: { zh: "每个项目", en: "per project" }, sentence: "最高不超过500万元" }];
    writeFileSync(join(dir, "pack.json"), JSON.stringify(json));
    const r = await run("pack", "diff", OLD, dir, "--lang", "zh-CN");
    expect(r.code).toBe(1);
    expect(r.out.slice(2)).toEqual(["条款：新增 0 条，删除 0 条，修改 1 条", "  ~ suzhou-sip-device/3（第三条） 修改：首台（套）：当年销售额的10%，每家企业每年最高100万元", "      上限（每个项目）：（无） → 5,000,000元 “最高不超过500万元”"]);
  });

  test("any cap changed to any amount is that one field, both ways; a pack against itself is identical", () => {
    const original = loaded(OLD);
    expect(diffPacks(original, original)).toMatchObject({ identical: true, pack: [], document: [], facts: [], entries: [], examples: [], textChanged: false });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (i, amount) => {
        const revised = loaded(OLD, (p) => {
          p.document.clauses[i].caps = [{ amount: String(amount), per: { zh: "每个项目" }, sentence: "最高不超过500万元" }];
        });
        const oldCaps = original.pack.document.clauses[i].caps;
        const d = diffPacks(original, revised);
        const back = diffPacks(revised, original);
        const id = original.pack.document.clauses[i].id;
        if (oldCaps.length === 0) {
          expect(d.entries).toMatchObject([{ kind: "changed", entry: id, fields: [{ field: "caps[0]", old: undefined }] }]);
          expect(back.entries).toMatchObject([{ kind: "changed", entry: id, fields: [{ field: "caps[0]", new: undefined }] }]);
          return;
        }
        const fields = (x: typeof d) => x.entries.flatMap((e) => (e.kind === "changed" ? e.fields.map((f) => `${e.entry} ${f.field} ${String(f.old)}→${String(f.new)}`) : [e.kind]));
        const changed = fields(d).filter((f) => !f.includes(" caps[0].per"));
        const before = oldCaps[0];
        const expected = [
          ...(before.amount === String(amount) ? [] : [`${id} caps[0].amount ${before.amount}→${amount}`]),
          ...(before.sentence === "最高不超过500万元" ? [] : [`${id} caps[0].sentence ${before.sentence}→最高不超过500万元`]),
        ];
        expect(changed).toEqual(expected);
        expect(fields(back).filter((f) => !f.includes(" caps[0].per"))).toEqual(expected.map((f) => f.replace(/ (\S+)→(\S+)$/, " $2→$1")));
      }),
      { numRuns: 40 },
    );
  });
});

describe("subsidy pack diff", () => {
  test("en-US: entries and fields named, values as the text writes them; exit 1: they differ", async () => {
    const r = await run("pack", "diff", OLD, NEW);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([]);
    const title = "苏州工业园区促进医疗器械产业发展若干措施（示例，非真实政策） (original Chinese)";
    expect(r.out).toEqual([
      `old: from pack ${title} v2026.1 by 测试用示例（非真实政策） (sha256 3268d18f)`,
      `new: from pack ${title} v2027.1 by 测试用示例（非真实政策） (sha256 ${loaded(NEW).hash.slice(0, 8)})`,
      "Pack:",
      "  version: 2026.1 → 2027.1",
      "Document:",
      "  valid until: 2028-12-31 → 2030-12-31",
      "Text: changed",
      "Entries: 1 added, 1 removed, 2 changed",
      "  ~ suzhou-sip-device/2.3 (第二条) changed: First class III certificate: 25% of R&D, up to 2M per product",
      "      worked examples naming it: “第二条：三类证，研发投入1,000万元，上限封顶”, “情景：2027年三类证，2028年两笔首台（套）销售受企业年度上限” → “第二条：三类证，研发投入1,000万元，上限封顶”, “情景：2027年三类证”",
      "  ~ suzhou-sip-device/4 (第四条) changed: GMP plant built or refitted: 15% of the cost, up to 8M",
      "      sentence: “对在园区新建或改造GMP厂房的企业，按实际投入的15%给予补助，最高不超过500万元。” → “对在园区新建或改造GMP厂房的企业，按实际投入的15%给予补助，最高不超过800万元。”",
      "      summary (English): “GMP plant built or refitted: 15% of the cost, up to 5M” → “GMP plant built or refitted: 15% of the cost, up to 8M”",
      "      summary (Chinese): “新建或改造GMP厂房：实际投入的15%，最高500万元” → “新建或改造GMP厂房：实际投入的15%，最高800万元”",
      "      cap (per project): 5,000,000 yuan → 8,000,000 yuan",
      "      cap's sentence (per project): “最高不超过500万元” → “最高不超过800万元”",
      "  + suzhou-sip-device/6 (第六条) added: Clinical-trial liability insurance: 50% of the premium, up to 500,000 per enterprise a year",
      "  − suzhou-sip-device/3 (第三条) removed: First-of-its-kind equipment: 10% of the year's sales, up to 1M per enterprise a year",
      "Worked examples:",
      "  + 情景：2027年三类证",
      "  + 第六条：临床试验责任保险保费60万元",
      "  − 第三条：首台（套）当年销售额800万元（单个函数不计企业年度上限，裁定9）",
      "  − 情景：2027年三类证，2028年两笔首台（套）销售受企业年度上限",
    ]);
  });

  test("zh-CN: the same, in Chinese", async () => {
    const r = await run("pack", "diff", OLD, NEW, "--lang", "zh-CN");
    expect(r.code).toBe(1);
    expect(r.out.slice(2, 18)).toEqual([
      "政策包：",
      "  版本：2026.1 → 2027.1",
      "文件：",
      "  有效期截止日期：2028-12-31 → 2030-12-31",
      "原文：有改动",
      "条款：新增 1 条，删除 1 条，修改 2 条",
      "  ~ suzhou-sip-device/2.3（第二条） 修改：首次取得三类注册证：研发投入的25%，单个产品最高200万元",
      "      列出此条款的算例：“第二条：三类证，研发投入1,000万元，上限封顶”、“情景：2027年三类证，2028年两笔首台（套）销售受企业年度上限” → “第二条：三类证，研发投入1,000万元，上限封顶”、“情景：2027年三类证”",
      "  ~ suzhou-sip-device/4（第四条） 修改：新建或改造GMP厂房：实际投入的15%，最高800万元",
      "      原文：“对在园区新建或改造GMP厂房的企业，按实际投入的15%给予补助，最高不超过500万元。” → “对在园区新建或改造GMP厂房的企业，按实际投入的15%给予补助，最高不超过800万元。”",
      "      英文摘要：“GMP plant built or refitted: 15% of the cost, up to 5M” → “GMP plant built or refitted: 15% of the cost, up to 8M”",
      "      中文摘要：“新建或改造GMP厂房：实际投入的15%，最高500万元” → “新建或改造GMP厂房：实际投入的15%，最高800万元”",
      "      上限（每个项目）：5,000,000元 → 8,000,000元",
      "      上限的原文（每个项目）：“最高不超过500万元” → “最高不超过800万元”",
      "  + suzhou-sip-device/6（第六条） 新增：临床试验责任保险：保费的50%，每家企业每年最高50万元",
      "  − suzhou-sip-device/3（第三条） 删除：首台（套）：当年销售额的10%，每家企业每年最高100万元",
    ]);
    expect(r.out[0]).toBe("旧版：出自政策包《苏州工业园区促进医疗器械产业发展若干措施（示例，非真实政策）》2026.1 版，作者 测试用示例（非真实政策）（sha256 3268d18f）");
  });

  /*
   * The scenario's figures under each version, worked from the two texts (no other text reaches
   * 苏州工业园区; every event certain but D's certificate, probability 0.5):
   *   2027  A, class III, R&D 6,000,000: 第二条 25% × 6,000,000 = 1,500,000 (< 200万), in both.
   *   2028  B's 首台套 sales 8,000,000: old 第三条 10% × 8,000,000 = 800,000 (< 100万 a year);
   *           new: 第三条 deleted, 0.
   *         GMP plant 60,000,000: 15% × 60,000,000 = 9,000,000; old cap 5,000,000, new cap 8,000,000.
   *         premium 600,000: old no clause, 0; new 第六条 50% × 600,000 = 300,000 (< 50万).
   *         old 800,000 + 5,000,000 = 5,800,000; new 8,000,000 + 300,000 = 8,300,000; Δ +2,500,000.
   *   2029  D, class II, R&D 5,000,000: old out of validity (to 2028-12-31), 0; new (to 2030-12-31)
   *         第二条 20% × 5,000,000 = 1,000,000 ceiling, expected 0.5 × 1,000,000 = 500,000.
   *   total ceiling 7,300,000 → 10,800,000 (Δ +3,500,000); expected 7,300,000 → 10,300,000 (Δ +3,000,000).
   */
  test("--scenario: its figures by year and by clause, old → new (Δ), in both languages", async () => {
    const en = await run("pack", "diff", OLD, NEW, "--scenario", SCENARIO);
    expect(en.code).toBe(1);
    const at = en.out.indexOf("");
    expect(en.out.slice(at + 1)).toEqual([
      "Figures of the scenario \"苏州工业园区示例企业：修订前后（示例）\" (old → new, yuan):",
      "  2027: ceiling 1,500,000 → 1,500,000 (Δ 0); expected 1,500,000 → 1,500,000 (Δ 0)",
      "  2028: ceiling 5,800,000 → 8,300,000 (Δ +2,500,000); expected 5,800,000 → 8,300,000 (Δ +2,500,000)",
      "  2029: ceiling 0 → 1,000,000 (Δ +1,000,000); expected 0 → 500,000 (Δ +500,000)",
      "  total: ceiling 7,300,000 → 10,800,000 (Δ +3,500,000); expected 7,300,000 → 10,300,000 (Δ +3,000,000)",
      "By clause (whole horizon):",
      "  suzhou-sip-device/2.2 (第二条): ceiling 0 → 1,000,000 (Δ +1,000,000); expected 0 → 500,000 (Δ +500,000)",
      "  suzhou-sip-device/2.3 (第二条): ceiling 1,500,000 → 1,500,000 (Δ 0); expected 1,500,000 → 1,500,000 (Δ 0)",
      "  suzhou-sip-device/3 (第三条): ceiling 800,000 → 0 (Δ −800,000); expected 800,000 → 0 (Δ −800,000)",
      "  suzhou-sip-device/4 (第四条): ceiling 5,000,000 → 8,000,000 (Δ +3,000,000); expected 5,000,000 → 8,000,000 (Δ +3,000,000)",
      "  suzhou-sip-device/6 (第六条): ceiling 0 → 300,000 (Δ +300,000); expected 0 → 300,000 (Δ +300,000)",
    ]);
    // The same figures as data (what the pane shows): the clauses' and the years' Δ add up to the total's.
    const raw = JSON.parse(readFileSync(SCENARIO, "utf8"));
    const on = (p: LoadedPack) => forecastOn(catalogWithPacks(engine().catalog, [p], new Set()), raw);
    const figures = diffFigures(on(loaded(OLD)), on(loaded(NEW)));
    for (const k of ["ceiling", "expected"] as const) {
      expect(figures.clauses.reduce((sum, c) => sum.plus(c.delta[k]), new Decimal(0)).toFixed()).toBe(figures.total.delta[k].toFixed());
      expect(figures.years.reduce((sum, y) => sum.plus(y.delta[k]), new Decimal(0)).toFixed()).toBe(figures.total.delta[k].toFixed());
    }
    expect(figures.total.delta.ceiling.toFixed()).toBe("3500000");
    const zh = await run("pack", "diff", OLD, NEW, "--scenario", SCENARIO, "--lang", "zh-CN");
    const from = zh.out.indexOf("");
    expect(zh.out.slice(from + 1, from + 6)).toEqual([
      "方案“苏州工业园区示例企业：修订前后（示例）”的数字（旧版 → 新版，单位：元）：",
      "  2027年：上限 1,500,000 → 1,500,000（Δ 0）；预期 1,500,000 → 1,500,000（Δ 0）",
      "  2028年：上限 5,800,000 → 8,300,000（Δ +2,500,000）；预期 5,800,000 → 8,300,000（Δ +2,500,000）",
      "  2029年：上限 0 → 1,000,000（Δ +1,000,000）；预期 0 → 500,000（Δ +500,000）",
      "  合计：上限 7,300,000 → 10,800,000（Δ +3,500,000）；预期 7,300,000 → 10,300,000（Δ +3,000,000）",
    ]);
    expect(zh.out[from + 7]).toBe("  suzhou-sip-device/2.2（第二条）：上限 0 → 1,000,000（Δ +1,000,000）；预期 0 → 500,000（Δ +500,000）");
  });

  test("exit 0 when the two are the same content, however laid out: key order, $schema, Windows line ends", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "pack-diff-")), "same");
    cpSync(OLD, dir, { recursive: true });
    const json = JSON.parse(readFileSync(join(dir, "pack.json"), "utf8"));
    delete json.$schema;
    writeFileSync(join(dir, "pack.json"), JSON.stringify(Object.fromEntries(Object.entries(json).reverse()), null, 4));
    writeFileSync(join(dir, "text.txt"), readFileSync(join(dir, "text.txt"), "utf8").replace(/\n/g, "\r\n"));
    const r = await run("pack", "diff", OLD, dir, "--lang", "zh-CN");
    expect(r.code).toBe(0);
    expect(r.out[2]).toBe("两版内容相同（sha256 一致）：没有改动。");
  });

  test("exit 2 when they cannot be compared: a version that fails pack check, a scenario that is not one, a missing argument", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "pack-diff-")), "bad");
    cpSync(NEW, dir, { recursive: true });
    const json = JSON.parse(readFileSync(join(dir, "pack.json"), "utf8"));
    json.document.clauses[2].caps = [{ amount: "1", per: { zh: "每个项目" }, sentence: "最高不超过900万元" }];
    writeFileSync(join(dir, "pack.json"), JSON.stringify(json));
    const bad = await run("pack", "diff", OLD, dir, "--lang", "zh-CN");
    expect(bad.code).toBe(2);
    expect(bad.err.at(-1)).toBe("pack diff：新版须先通过政策包检查");
    expect(bad.err[1]).toContain("suzhou-sip-device/4: caps[0].sentence：引文“最高不超过900万元”不在原文中");
    expect(bad.out).toEqual([]);

    const notScenario = join(mkdtempSync(join(tmpdir(), "pack-diff-")), "s.json");
    writeFileSync(notScenario, JSON.stringify({ schemaVersion: 1, name: "x", enterprise: { region: "苏州工业园区", sector: "device" }, horizon: { from: 2027, to: 2028 }, events: [{ type: "nothing", year: 2027 }] }));
    const r = await run("pack", "diff", OLD, NEW, "--scenario", notScenario);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe(`${notScenario} cannot be forecast with version 2026.1:`);

    const usage = await run("pack", "diff", OLD);
    expect(usage.code).toBe(2);
    expect(usage.err[0]).toMatch(/^Usage: subsidy pack diff OLD NEW/);
  });
});
