import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main";
import { packHash } from "../src/cli/pack";
import { engine, useCatalog } from "../src/engine";
import { awaitingApproval, catalogWithPacks, packProblemText, readPack, type LoadedPack } from "../src/engine/packs";
import { call } from "../src/functions/reports";

/*
 * Issue 17, item 5's trust rules (DESIGN "Policy packs"): every figure from a pack names the pack
 * (title, author, version, sha256); a pack that replaces a text is used only once approved, and
 * the figures it would change say so meanwhile. Both packs here are EXAMPLES, not real policies.
 */

const fixture = join(__dirname, "fixtures", "suzhou-sip-example");
const FIXTURE_HASH = "3268d18f1e6655bf302d284f5a1f115fdeb6b517093955c20bb420e3f0368c28";
const TITLE = "苏州工业园区促进医疗器械产业发展若干措施（示例，非真实政策）";
const AUTHOR = "测试用示例（非真实政策）";

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, {});
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** An EXAMPLE revision of 昌平 第三条（二） (fictional: 60%, 60万元) that replaces the built-in document. */
function replacing(): LoadedPack {
  const text = "昌平区促进高端医疗器械产业集群发展的若干措施（示例修订稿，非真实政策）\n第三条（二）支持企业购买临床试验责任保险、产品责任保险等，按单个保单实际缴纳保费的60%，给予最高60万元支持。\n第十六条 同一项目、同一事项同时符合本措施多项条款或昌平区其他扶持政策的，按照“从优不重复”原则予以支持。\n";
  const json = {
    format: 1,
    version: "2027.1",
    author: { name: "测试用示例" },
    replaces: { documents: ["changping-device"], because: "示例：修订稿取代征求意见稿" },
    document: {
      id: "changping-device",
      file: "text.txt",
      title: "昌平器械措施（示例修订稿）",
      titleEn: "Changping device measures (example revision)",
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
          summary: { zh: "保险：保费的60%，最高60万元", en: "Insurance: 60% of the premium, up to 600k" },
          formula: { kind: "rate", rate: "0.6", base: "premium" },
          caps: [{ amount: "600000", per: { zh: "单个保单", en: "policy" }, sentence: "给予最高60万元支持" }],
        },
      ],
    },
    accounting: { "changping-device/3.2": { class: "incurred", words: "按单个保单实际缴纳保费的60%", zh: "按已缴纳的保费计算", en: "a share of premiums paid" } },
    examples: [{ name: "保费200万元", call: ["INSURANCE", 2000000, "changping"], expected: "600000", arithmetic: "60% × 2,000,000 = 1,200,000 > 600,000：取600,000", entries: ["changping-device/3.2"] }],
  };
  const read = readPack({ path: "REVISION", json, text, hash: packHash(json, text) });
  if (!read.pack) throw new Error(JSON.stringify(read.problems));
  return read.pack;
}

afterEach(() => {
  useCatalog();
  expect(engine().catalog.packs).toBeUndefined();
});

describe("a pack that replaces a text waits for approval", () => {
  const base = () => engine().catalog;

  test("not approved: left out, the built-in text stays, the catalog lists it as waiting, with a problem in both languages", () => {
    const pack = replacing();
    const catalog = catalogWithPacks(base(), [pack], new Set());
    expect(catalog.clauses.find((c) => c.id === "changping-device/3.2")?.formula).toEqual({ kind: "rate", rate: "0.5", base: "premium" });
    expect(catalog.packs).toBeUndefined();
    expect(catalog.waiting).toEqual([{ title: "昌平器械措施（示例修订稿）", titleEn: "Changping device measures (example revision)", author: "测试用示例", version: "2027.1", hash: pack.hash, document: "changping-device", replaces: ["changping-device"] }]);
    const [problem] = awaitingApproval([pack], new Set());
    expect(packProblemText(problem, "zh-CN")).toBe("REVISION: replaces：取代 changping-device（理由：示例：修订稿取代征求意见稿）：取代现有条文的政策包须经批准后才使用；在此之前不使用该政策包，相关数字仍按现有条文计算");
    expect(awaitingApproval([pack], new Set([pack.hash]))).toEqual([]);
    // Approval is of this content: another hash approves nothing.
    expect(catalogWithPacks(base(), [pack], new Set([FIXTURE_HASH])).waiting).toHaveLength(1);
  });

  test("the figures it would change say so, in both languages; approved, they are the pack's and name it", () => {
    const pack = replacing();
    const short = pack.hash.slice(0, 8);
    useCatalog(catalogWithPacks(base(), [pack], new Set()));
    // Built in: 50% × 2,000,000 = 1,000,000 > 500,000: 500,000, with the waiting pack named.
    expect(call("INSURANCE", [2000000, "changping"])).toBe(500000);
    const en = call("EXPLAIN", ["INSURANCE", 2000000, "changping"], { lang: "en-US" }) as string;
    expect(en).toContain(`pack Changping device measures (example revision) v2027.1 by 测试用示例 (sha256 ${short}) would replace this clause and waits for approval in the task pane: this figure is still the text in force's`);
    const zh = call("EXPLAIN", ["INSURANCE", 2000000, "changping"], { lang: "zh-CN" }) as string;
    expect(zh).toContain(`政策包《昌平器械措施（示例修订稿）》2027.1 版（作者 测试用示例，sha256 ${short}）将取代此条款，尚待在任务窗格中批准：此数字仍按现行条文计算`);
    expect(zh).not.toContain("出自政策包");

    useCatalog(catalogWithPacks(base(), [pack], new Set([pack.hash])));
    // The revision: 60% × 2,000,000 = 1,200,000 > 600,000: 600,000.
    expect(call("INSURANCE", [2000000, "changping"])).toBe(600000);
    const approved = call("EXPLAIN", ["INSURANCE", 2000000, "changping"], { lang: "en-US" }) as string;
    expect(approved).toContain(`• Changping device measures (example revision), 第三条（二）: pays 600,000\n  from pack Changping device measures (example revision) v2027.1 by 测试用示例 (sha256 ${short})\n  Insurance: 60% of the premium, up to 600k`);
    expect(approved).not.toContain("waits for approval");
  });
});

describe("every figure from a pack names it; built-in ones say nothing extra", () => {
  test("EXPLAIN: the pack's lines name title, version, author and short hash, in both languages; a built-in line does not", async () => {
    const en = await run("call", "--pack", fixture, "EXPLAIN", "REGISTRATION", "3", "4000000", "苏州工业园区");
    // 第二条: 25% × 4,000,000 = 1,000,000, below 2,000,000.
    expect(en.out).toContain(`• ${TITLE} (original Chinese), 第二条: pays 1,000,000\n  from pack ${TITLE} (original Chinese) v2026.1 by ${AUTHOR} (sha256 3268d18f)\n`);
    const zh = await run("call", "--pack", fixture, "--lang", "zh-CN", "EXPLAIN", "REGISTRATION", "3", "4000000", "苏州工业园区");
    expect(zh.out).toContain(`• ${TITLE}第二条：支持1,000,000元\n  出自政策包《${TITLE}》2026.1 版，作者 ${AUTHOR}（sha256 3268d18f）\n`);
    // An amount call: the value on stdout, the pack on stderr.
    expect(await run("call", "--pack", fixture, "--lang", "zh-CN", "REGISTRATION", "3", "4000000", "苏州工业园区")).toEqual({ code: 0, out: "1000000", err: `出自政策包《${TITLE}》2026.1 版，作者 ${AUTHOR}（sha256 3268d18f）` });
    const builtIn = await run("call", "--pack", fixture, "EXPLAIN", "REGISTRATION", "3", "5000000", "shenzhen");
    expect(builtIn.out).not.toMatch(/from pack|sha256/);
  });

  test("clauses lists each of the pack's entries with it", async () => {
    const r = await run("clauses", "--pack", fixture, "--region", "苏州工业园区", "--lang", "zh-CN");
    expect(r.out.split("\n").filter((l) => l.includes("出自政策包"))).toEqual(Array(4).fill(`  出自政策包《${TITLE}》2026.1 版，作者 ${AUTHOR}（sha256 3268d18f）`));
  });

  test("forecast: each line in text and JSON, each pack column in CSV", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "trust-")), "scenario.json");
    writeFileSync(file, JSON.stringify(JSON.parse(readFileSync(join(fixture, "pack.json"), "utf8")).examples[4].scenario));
    const json = JSON.parse((await run("forecast", file, "--pack", fixture, "--format", "json")).out);
    expect(json.lines.map((l: { pack: unknown }) => l.pack)).toEqual(Array(3).fill({ title: TITLE, titleEn: `${TITLE} (original Chinese)`, author: AUTHOR, version: "2026.1", sha256: FIXTURE_HASH }));
    const csv = (await run("forecast", file, "--pack", fixture, "--format", "csv")).out.split("\n");
    expect(csv[0]).toBe("year,ceiling,expected,p10,p50,p90,expected: suzhou-sip-device");
    expect(csv.at(-1)).toBe(`pack,suzhou-sip-device,${TITLE},2026.1,${AUTHOR},${FIXTURE_HASH}`);
    const text = (await run("forecast", file, "--pack", fixture, "--lang", "zh-CN")).out;
    expect(text.split("\n").filter((l) => l.includes("出自政策包"))).toHaveLength(3);
    // A scenario of built-in texts only: no pack row, no pack named.
    const plain = (await run("forecast", join(__dirname, "..", "examples", readExample()), "--format", "csv")).out;
    expect(plain).not.toMatch(/^pack,/m);
  });
});

/** The first scenario under examples/: the built-in texts only. */
function readExample(): string {
  const { readdirSync } = jest.requireActual<typeof import("node:fs")>("node:fs");
  return readdirSync(join(__dirname, "..", "examples")).find((f) => f.endsWith(".json"))!;
}
