import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { packHash } from "../src/cli/pack";
import { packJsonSchema } from "../src/cli/schema";
import { engine } from "../src/engine";
import { readPack } from "../src/engine/packs";

/*
 * Policy packs (issue 17, DESIGN "Policy packs"). test/fixtures/suzhou-sip-example is a second
 * pack written from docs/PACKS.md alone over a short EXAMPLE text (a fictional 苏州工业园区
 * measure, not a real policy); every figure below is worked out by hand from that text.
 */

const fixture = join(__dirname, "fixtures", "suzhou-sip-example");

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const tmp = () => mkdtempSync(join(tmpdir(), "pack-"));

/** A copy of the fixture with its pack.json changed by `edit`. */
function variant(edit: (pack: Record<string, any>) => void): string {
  const dir = join(tmp(), "pack");
  cpSync(fixture, dir, { recursive: true });
  const pack = JSON.parse(readFileSync(join(dir, "pack.json"), "utf8"));
  edit(pack);
  writeFileSync(join(dir, "pack.json"), JSON.stringify(pack, null, 2));
  return dir;
}

afterEach(() => {
  // Every command leaves the bundled catalog in use: nothing of a pack outlives its command.
  expect(engine().catalog.documents.map((d) => d.id)).toEqual(["changping-device", "changping-pharma", "shenzhen-device", "beijing-device", "zhongguancun"]);
});

describe("subsidy pack new", () => {
  test("the scaffold passes check and test as written", async () => {
    const dir = join(tmp(), "my-pack");
    const made = await run("pack", "new", dir);
    expect(made.code).toBe(0);
    expect(readFileSync(join(dir, "text.txt"), "utf8")).toContain("示例文本，非真实政策");
    const checked = await run("pack", "check", dir);
    expect(checked).toMatchObject({ code: 0, err: "" });
    expect(checked.out).toContain("6 entries (6 monetary), 8 worked examples");
    const tested = await run("pack", "test", dir);
    expect(tested.out).toContain("8 of 8 worked examples hold");
    expect(tested.code).toBe(0);
    // One entry of each formula kind.
    const kinds = JSON.parse(readFileSync(join(dir, "pack.json"), "utf8")).document.clauses.map((c: { formula: { kind: string } }) => c.formula.kind);
    expect(kinds.sort()).toEqual(["fixed", "lookup", "milestones", "rate", "steps", "unspecified"]);
  });

  test("an existing folder with files is left alone", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "mine.txt"), "keep");
    const r = await run("pack", "new", dir, "--lang", "zh-CN");
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${dir} 已存在且不是空文件夹：未写入任何文件`);
    expect(readFileSync(join(dir, "mine.txt"), "utf8")).toBe("keep");
  });
});

describe("the example pack: check, test, then call, clauses and forecast with --pack", () => {
  test("pack check passes and lists the fields shown in Chinese", async () => {
    const r = await run("pack", "check", fixture);
    expect(r.code).toBe(0);
    expect(r.out).toContain("4 entries (4 monetary), 5 worked examples");
    expect(r.out).toContain("document.titleEn");
    expect(r.out).toContain("suzhou-sip-device/2.2: summary.en");
  });

  test("pack test prints each example with its figure, all holding", async () => {
    const r = await run("pack", "test", fixture, "--lang", "zh-CN");
    expect(r.out).toContain("✓ 第二条：三类证，研发投入1,000万元，上限封顶：2,000,000");
    expect(r.out).toContain("5/5 个算例成立");
    expect(r.code).toBe(0);
  });

  test("a wrong expectation fails with expected and actual side by side", async () => {
    const dir = variant((p) => {
      p.examples[3].expected = "2000000";
    });
    const r = await run("pack", "test", dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain("✗ 第四条：GMP厂房投入2,000万元\n      expected 2,000,000, got 3,000,000\n      arithmetic: 15% × 20,000,000 = 3,000,000，未超过500万元");
    expect(r.out).toContain("4 of 5 worked examples hold");
  });

  test("an example whose entries did not apply fails, naming them", async () => {
    // A class III certificate is 第二条's 25% (2.3): claiming 2.2 (class II) as well is wrong.
    const dir = variant((p) => {
      p.examples[1].entries = ["suzhou-sip-device/2.3", "suzhou-sip-device/2.2"];
    });
    const r = await run("pack", "test", dir, "--lang", "zh-CN");
    expect(r.code).toBe(1);
    expect(r.out).toContain("✗ 第二条：三类证，研发投入1,000万元，上限封顶\n      应为 2,000,000，实得 2,000,000\n      所列条款未适用：suzhou-sip-device/2.2");
  });

  test("a schema problem names the entry and the field", async () => {
    const dir = variant((p) => {
      p.document.clauses[3].formula.rate = 0.15;
    });
    const r = await run("pack", "check", dir);
    expect(r.err.split("\n")[1]).toBe(`  ${dir}: suzhou-sip-device/4: formula.rate: does not fit the pack format (Invalid input: expected string, received number)`);
  });

  test("template writes a workbook with the pack's figures", async () => {
    const out = join(tmp(), "suzhou.xlsx");
    const file = join(tmp(), "scenario.json");
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(join(fixture, "pack.json"), "utf8")).examples[4].scenario));
    const r = await run("template", out, "--scenario", file, "--pack", fixture);
    expect(r.code).toBe(0);
    expect(readFileSync(out).length).toBeGreaterThan(1000);
  });

  test("call answers from the pack for its place, by any of its names", async () => {
    // 第二条: 25% × 4,000,000 = 1,000,000, below 2,000,000.
    // The value on stdout as a cell holds it; the pack it came from on stderr (RULINGS §77).
    expect(await run("call", "--pack", fixture, "REGISTRATION", "3", "4000000", "苏州工业园区")).toEqual({
      code: 0,
      out: "1000000",
      err: "from pack 苏州工业园区促进医疗器械产业发展若干措施（示例，非真实政策） (original Chinese) v2026.1 by 测试用示例（非真实政策） (sha256 3268d18f)",
    });
    // A built-in figure with the pack loaded says nothing extra: 40% × 5,000,000 = 2,000,000 (深圳（五）).
    expect(await run("call", "--pack", fixture, "REGISTRATION", "3", "5000000", "shenzhen")).toEqual({ code: 0, out: "2000000", err: "" });
    expect((await run("call", "REGISTRATION", "3", "4000000", "SIP", "--pack", fixture)).out).toBe("1000000");
    // 第四条: 15% × 40,000,000 = 6,000,000 > 5,000,000: the cap, 5,000,000.
    expect((await run("call", "--pack", fixture, "FACILITY", "40000000", "3000", "江苏省›苏州市›苏州工业园区")).out).toBe("5000000");
    // Without the pack the place is unknown.
    expect((await run("call", "REGISTRATION", "3", "4000000", "苏州工业园区")).code).toBe(1);
  });

  test("EXPLAIN quotes the pack's sentence, in Chinese where it gives no English", async () => {
    const r = await run("call", "--pack", fixture, "EXPLAIN", "REGISTRATION", "2", "5000000", "苏州工业园区");
    expect(r.out).toContain("对首次取得第二类、第三类医疗器械注册证的产品，分别按其研发投入的20%、25%给予补助，单个产品最高不超过200万元。");
    expect(r.out).toContain("(original Chinese)");
  });

  test("clauses lists the pack's entries for its place", async () => {
    const r = await run("clauses", "--pack", fixture, "--region", "苏州工业园区");
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("Region: Jiangsu › Suzhou › Suzhou Industrial Park");
    expect(r.out.split("\n")[1]).toBe("  Suzhou Industrial Park adds to Suzhou: 苏州工业园区促进医疗器械产业发展若干措施（示例，非真实政策） (original Chinese), 第五条: “本措施可与苏州市、江苏省相关政策叠加享受。”");
    expect(r.out.split("\n").filter((l) => /^\S+ {2}\[/.test(l))).toEqual(["suzhou-sip-device/2.2  [Device registration certificate]", "suzhou-sip-device/2.3  [Device registration certificate]", "suzhou-sip-device/3  [First-of-its-kind equipment]", "suzhou-sip-device/4  [GMP plant]"]);
  });

  test("forecast reads a scenario in the pack's place", async () => {
    const file = join(tmp(), "scenario.json");
    const pack = JSON.parse(readFileSync(join(fixture, "pack.json"), "utf8"));
    writeFileSync(file, JSON.stringify(pack.examples[4].scenario));
    const r = await run("forecast", file, "--pack", fixture, "--format", "json");
    expect(r.code).toBe(0);
    const years = JSON.parse(r.out).years.map((y: { year: number; ceiling: string }) => [y.year, y.ceiling]);
    // 2027: 25% × 6,000,000 = 1,500,000; 2028: 800,000 + 500,000 = 1,300,000, cut to the
    // enterprise's 1,000,000 a year (每家企业每年最高不超过100万元).
    expect(years).toEqual([
      [2027, "1500000"],
      [2028, "1000000"],
    ]);
  });
});

describe("what pack check refuses, in both languages", () => {
  /** The check's problem lines, the pack's folder written as PACK. */
  async function refusals(dirs: string[], lang: "en-US" | "zh-CN") {
    const r = await run("pack", "check", ...dirs, "--lang", lang);
    expect(r.code).toBe(1);
    let text = r.err;
    dirs.forEach((d, i) => (text = text.split(d).join(dirs.length > 1 ? `PACK${i + 1}` : "PACK")));
    return text.split("\n").slice(1).map((l) => l.trim());
  }

  test("a misquoted sentence", async () => {
    const dir = variant((p) => {
      p.document.clauses[1].caps[0].sentence = "单个产品最高不超过300万元";
    });
    expect(await refusals([dir], "en-US")).toEqual([
      'PACK: suzhou-sip-device/2.3: caps[0].sentence: the quote "单个产品最高不超过300万元" is not in the text: quote it word for word (spaces and line breaks aside)',
    ]);
    expect(await refusals([dir], "zh-CN")).toEqual(["PACK: suzhou-sip-device/2.3: caps[0].sentence：引文“单个产品最高不超过300万元”不在原文中：须逐字摘自原文（空格、换行不计）"]);
  });

  test("a missing label", async () => {
    const dir = variant((p) => {
      p.document.facts.sipTenant = { kind: "flag", en: "A tenant of the park" };
    });
    expect(await refusals([dir], "en-US")).toEqual(['PACK: document.facts.sipTenant.zh: "sipTenant" has no Chinese label (zh): every word a user sees needs its Chinese']);
    expect(await refusals([dir], "zh-CN")).toEqual(["PACK: document.facts.sipTenant.zh：“sipTenant”缺少中文标签（zh）：用户看到的每个词都须有中文"]);
  });

  test("an undeclared overlap, naming both entries", async () => {
    // 第三条 and 第四条 made one matter with the text's stacking sentence gone: two articles that
    // can both pay it, and nothing says whether they add. (第二条's class II and class III entries
    // exclude each other and are one article's alternatives: never an overlap, RULINGS §76.)
    const dir = variant((p) => {
      delete p.document.stacking;
      p.document.clauses[3].matter = "firstSet";
    });
    expect(await refusals([dir], "en-US")).toEqual([
      'PACK: suzhou-sip-device/3: matter: can pay the same matter as "suzhou-sip-device/4" (firstSet / firstSet) with no stacking rule declared: quote the text\'s sentence (从优不重复, 就高不就低) in document.stacking, or declare with additive that the two add',
    ]);
    expect(await refusals([dir], "zh-CN")).toEqual([
      "PACK: suzhou-sip-device/3: matter：与“suzhou-sip-device/4”可能为同一事项支付（firstSet／firstSet），但没有写明的叠加规则：请引用原文中“从优不重复”“就高不就低”之类的句子（document.stacking），或以 additive 写明两者叠加",
    ]);
  });

  test("entries that exclude each other, or one article's alternatives, are no overlap (RULINGS §76)", async () => {
    const dir = variant((p) => {
      delete p.document.stacking;
    });
    expect((await run("pack", "check", dir)).code).toBe(0);
    // The class II entry moved to an article of its own, still excluding class III by its condition.
    const apart = variant((p) => {
      delete p.document.stacking;
      p.document.clauses[0].article = "第二条之二";
    });
    expect((await run("pack", "check", apart)).code).toBe(0);
    // Both classes on both entries: they can pay one certificate twice, and the articles differ.
    const both = variant((p) => {
      delete p.document.stacking;
      p.document.clauses[0].article = "第二条之二";
      p.document.clauses[0].conditions = [{ fact: "deviceClass", op: "in", value: [2, 3] }];
    });
    expect(await refusals([both], "en-US")).toEqual([expect.stringContaining('PACK: suzhou-sip-device/2.2: matter: can pay the same matter as "suzhou-sip-device/2.3" (registration / registration)')]);
  });

  test("an unknown place", async () => {
    const dir = variant((p) => {
      p.document.jurisdiction = "kunshan";
    });
    expect(await refusals([dir], "en-US")).toEqual(['PACK: document.jurisdiction: "kunshan" is not a known place: add it under places (its parent, its names), or use a known place\'s id']);
    expect(await refusals([dir], "zh-CN")).toEqual(["PACK: document.jurisdiction：地区“kunshan”不在地区表中：请在 places 中加入此地（上级地区、中英文名称），或改用已知地区的编号"]);
  });

  test("a duplicate id across the packs loaded", async () => {
    const other = variant((p) => {
      p.version = "2026.2";
    });
    const en = await refusals([fixture, other], "en-US");
    expect(en).toContain('PACK2: suzhou-sip-device/2.2: id: the id "suzhou-sip-device/2.2" is already used in "PACK1": ids are unique across every pack loaded');
    expect(en).toHaveLength(5); // the document id and its four entries
    expect(await refusals([fixture, other], "zh-CN")).toContain("PACK2: suzhou-sip-device/2.2: id：编号“suzhou-sip-device/2.2”已在“PACK1”中使用：编号在所有载入的政策包中须唯一");
  });

  describe("a pack replacing a built-in entry", () => {
    // An EXAMPLE revision of 昌平 第三条（二） (fictional figures: 60%, 60万元), under the built-in ids.
    const revision = (replaces?: object) => {
      const dir = join(tmp(), "revision");
      cpSync(fixture, dir, { recursive: true });
      writeFileSync(join(dir, "text.txt"), "昌平区促进高端医疗器械产业集群发展的若干措施（示例修订稿，非真实政策）\n第三条（二）支持企业购买临床试验责任保险、产品责任保险等，按单个保单实际缴纳保费的60%，给予最高60万元支持。\n第十六条 同一项目、同一事项同时符合本措施多项条款或昌平区其他扶持政策的，按照“从优不重复”原则予以支持。\n");
      const pack = {
        format: 1,
        version: "2027.1",
        author: { name: "测试用示例" },
        ...(replaces ? { replaces } : {}),
        document: {
          id: "changping-device",
          file: "text.txt",
          title: "昌平区促进高端医疗器械产业集群发展的若干措施（示例修订稿）",
          jurisdiction: "changping",
          level: "district",
          status: "draft",
          sectors: ["device"],
          stacking: { article: "第十六条", sentence: "同一项目、同一事项同时符合本措施多项条款或昌平区其他扶持政策的，按照“从优不重复”原则予以支持。" },
          clauses: [
            {
              id: "changping-device/3.2",
              article: "第三条（二）",
              sentence: "支持企业购买临床试验责任保险、产品责任保险等，按单个保单实际缴纳保费的60%，给予最高60万元支持。",
              topic: "insurance",
              matter: "insurance",
              summary: { zh: "保险：保费的60%，最高60万元" },
              formula: { kind: "rate", rate: "0.6", base: "premium" },
              caps: [{ amount: "600000", per: { zh: "单个保单" }, sentence: "给予最高60万元支持" }],
            },
          ],
        },
        accounting: { "changping-device/3.2": { class: "incurred", words: "按单个保单实际缴纳保费的60%", zh: "按已缴纳的保费计算" } },
        examples: [{ name: "保费200万元", call: ["INSURANCE", 2000000, "changping"], expected: "600000", arithmetic: "60% × 2,000,000 = 1,200,000 > 600,000：取600,000", entries: ["changping-device/3.2"] }],
      };
      writeFileSync(join(dir, "pack.json"), JSON.stringify(pack));
      return dir;
    };

    test("without saying so, it is refused", async () => {
      const dir = revision();
      expect(await refusals([dir], "en-US")).toEqual([
        'PACK: document.id: the id "changping-device" is a built-in one: to replace it, list it under replaces with the reason; otherwise choose another id',
        'PACK: changping-device/3.2: id: the id "changping-device/3.2" is a built-in one: to replace it, list it under replaces with the reason; otherwise choose another id',
      ]);
      expect(await refusals([dir], "zh-CN")).toContain("PACK: changping-device/3.2: id：编号“changping-device/3.2”与内置政策目录相同：若要取代内置条款，请在 replaces 中列出并写明理由；否则请另取编号");
    });

    test("saying so, it replaces the text once approved (--approve-replace), and is refused until then", async () => {
      const dir = revision({ documents: ["changping-device"], because: "示例：修订稿取代征求意见稿" });
      // Testing a pack is not using it: its examples run as they would once approved.
      expect((await run("pack", "test", dir)).code).toBe(0);
      // Built in: 50% × 2,000,000 = 1,000,000 > 500,000: 500,000. The revision: 60%, capped at 600,000.
      expect((await run("call", "INSURANCE", "2000000", "changping")).out).toBe("500000");
      expect(await run("call", "--pack", dir, "INSURANCE", "2000000", "changping")).toEqual({
        code: 1,
        out: "",
        err: `${dir}: replaces: replaces changping-device (because: 示例：修订稿取代征求意见稿): a pack that replaces a text is used only once approved; until then it is left out and the figures it would change stay on the text in force\nto use it in their place, add --approve-replace`,
      });
      expect((await run("call", "--pack", dir, "INSURANCE", "2000000", "changping", "--lang", "zh-CN")).err).toBe(
        `${dir}: replaces：取代 changping-device（理由：示例：修订稿取代征求意见稿）：取代现有条文的政策包须经批准后才使用；在此之前不使用该政策包，相关数字仍按现有条文计算\n确认使用该政策包取代上述条文，请加 --approve-replace`,
      );
      expect((await run("call", "--pack", dir, "--approve-replace", "INSURANCE", "2000000", "changping")).out).toBe("600000");
    });
  });
});

test("schema/pack.schema.json is generated from the engine's pack schema (npm run schema)", () => {
  expect(readFileSync(join(__dirname, "..", "schema", "pack.schema.json"), "utf8")).toBe(packJsonSchema());
});

describe("a pack is untrusted input", () => {
  const base = () => JSON.parse(readFileSync(join(fixture, "pack.json"), "utf8"));
  const text = readFileSync(join(fixture, "text.txt"), "utf8");

  test("too many entries, wrong types and a non-object are refused by field, nothing run", () => {
    const many = base();
    many.document.clauses = Array.from({ length: 1001 }, (_, i) => ({ ...many.document.clauses[3], id: `suzhou-sip-device/x${i}` }));
    expect(readPack({ path: "P", json: many, text, hash: packHash(many, text) }).problems).toEqual([{ pack: "P", field: "document.clauses", code: "schema", message: "at most 1000 entries in one pack" }]);
    const wrong = base();
    wrong.examples[0].call = "REGISTRATION(2, 5000000)";
    wrong.document.clauses[0].formula = { kind: "script", code: "require('fs')" };
    expect(readPack({ path: "P", json: wrong, text, hash: packHash(wrong, text) }).problems.map((p) => `${p.entry ?? ""} ${p.field}`)).toEqual(["suzhou-sip-device/2.2 formula.kind", " examples.0.call"]);
    expect(readPack({ path: "P", json: [1, 2], text, hash: packHash([1, 2], text) }).problems).toEqual([{ pack: "P", field: "(pack)", code: "schema", message: "a pack is a JSON object" }]);
  });

  test("the reader does not change what it is handed", () => {
    const json = base();
    const before = JSON.stringify(json);
    expect(readPack({ path: "P", json, text, hash: packHash(json, text) }).pack).toBeDefined();
    expect(JSON.stringify(json)).toBe(before);
  });
});
