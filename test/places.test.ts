import { readFileSync } from "node:fs";
import { join } from "node:path";
import { engine, isRegionProblem, jurisdictionsOf, listClauses, parseScenario, ScenarioError, type Reach } from "../src/engine";
import { buildCatalog, builtInPacks } from "../src/engine/catalog/build";
import { explain } from "../src/functions/reports";
import { callAmount } from "../src/functions/subsidy";
import { main } from "../src/cli/main";
import { CellError } from "../src/functions/cells";

// DESIGN ruling 21: a region is a place of a tree plus its zones; the built-in names are aliases.
const { catalog } = engine();
const reach = (region: string, zones?: string[]) => {
  const r = engine().reach(region, zones);
  if (isRegionProblem(r)) throw new Error(`unexpected problem ${r.code}`);
  return r as Reach;
};
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);

describe("the tree of places", () => {
  test("changping is 北京市 › 昌平区, assuming 昌平组团", () => {
    const r = reach("changping");
    expect(ids(r.path)).toEqual(["cn", "beijing", "changping"]);
    expect(ids(r.assumed)).toEqual(["changping-group"]);
    expect(r.jurisdictions).toEqual(["changping", "beijing", "cn", "changping-group"]);
    // 昌平 and 昌平区 are the same name (ruling 4).
    expect(reach("昌平").key).toBe(r.key);
    expect(reach(" 昌平区 ").key).toBe(r.key);
  });

  test("the path names the place only: nothing assumed", () => {
    const r = reach("北京市›昌平区");
    expect(ids(r.path)).toEqual(["cn", "beijing", "changping"]);
    expect(r.zones).toEqual([]);
    expect(reach("中国 > 北京 > 昌平").key).toBe(r.key);
    // Stated, the membership is not an assumption.
    const stated = reach("北京市›昌平区+昌平组团");
    expect(ids(stated.zones)).toEqual(["changping-group"]);
    expect(stated.assumed).toEqual([]);
    expect(stated.key).toBe(reach("changping").key);
  });

  test("beijing is 北京市 and shenzhen 广东省 › 深圳市", () => {
    expect(ids(reach("beijing").path)).toEqual(["cn", "beijing"]);
    expect(reach("BEIJING").zones).toEqual([]);
    expect(ids(reach("深圳").path)).toEqual(["cn", "guangdong", "shenzhen"]);
  });

  test("zones are memberships, stated in the region or beside it, within their place", () => {
    expect(ids(reach("beijing+中关村示范区").zones)).toEqual(["zhongguancun"]);
    expect(ids(reach("北京", ["中关村"]).zones)).toEqual(["zhongguancun"]);
    expect(engine().reach("shenzhen+中关村")).toMatchObject({ code: "zoneElsewhere" });
    expect(engine().reach("beijing+昌平组团")).toMatchObject({ code: "zoneElsewhere" });
    expect(engine().reach("beijing+nowhere")).toEqual({ code: "unknownZone", name: "nowhere" });
    expect(engine().reach("苏州")).toEqual({ code: "unknownPlace", name: "苏州" });
  });

  test("each combination is quoted verbatim from the text it names", () => {
    const squeeze = (s: string) => s.replace(/\s+/g, "");
    for (const x of [...catalog.places.places, ...catalog.places.zones]) {
      if (!x.combine) continue;
      const doc = catalog.documents.find((d) => d.id === x.combine!.document)!;
      expect(squeeze(readFileSync(join(__dirname, "..", "packs", doc.id, doc.file), "utf8"))).toContain(squeeze(x.combine.sentence));
    }
  });

  test("a document whose jurisdiction the tree does not know is refused", () => {
    const [first, ...others] = builtInPacks as { document: Record<string, unknown> }[];
    expect(() => buildCatalog([{ ...first, document: { ...first.document, jurisdiction: "suzhou" } }, ...others])).toThrow(/changping-device: jurisdiction "suzhou" is not a known place or zone/);
  });
});

describe("which texts reach an enterprise", () => {
  const documentsFor = (region: string, zones?: string[]) => [...new Set(listClauses(catalog, region, undefined, zones).map((l) => l.document.id))];

  test("the 中关村 opinion reaches only members of 中关村示范区", () => {
    expect(documentsFor("beijing")).toEqual(["beijing-device"]);
    expect(documentsFor("beijing", ["中关村示范区"])).toEqual(["beijing-device", "zhongguancun"]);
    expect(documentsFor("changping")).toEqual(["changping-device", "changping-pharma", "beijing-device"]);
    expect(documentsFor("北京市›昌平区")).toEqual(["changping-device", "beijing-device"]);
    expect(documentsFor("shenzhen")).toEqual(["shenzhen-device"]);
    expect(jurisdictionsOf("北京市›昌平区+中关村")).toEqual(["changping", "beijing", "cn", "zhongguancun"]);
  });

  test("昌平组团's text pays its members only", () => {
    // 昌平组团 第五条（一）: 进入Ⅰ期、Ⅱ期、Ⅲ期临床试验，每个品种分别给予50万元、100万元、200万元: phase II = 1,000,000.
    expect(callAmount("CLINICAL", [1, 2, "changping"])).toBe(1000000);
    expect(callAmount("CLINICAL", [1, 2, "北京市›昌平区+昌平组团"])).toBe(1000000);
    // Outside the group no text of the catalog pays a clinical phase: 0.
    expect(callAmount("CLINICAL", [1, 2, "北京市›昌平区"])).toBe(0);
  });

  test("昌平组团 stacks with 昌平区 (第十七条 从优不重复), and both add to Beijing (第十六条 市、区两级)", () => {
    // DESIGN: SCALEUP(120M, 80M, changping) = 400,000: the device and pharma milestones are one
    // matter of 昌平区, paid once, not twice.
    expect(callAmount("SCALEUP", [120000000, 80000000, "changping"])).toBe(400000);
    // DESIGN: Changping's 8M cap + Beijing's 2M, the two levels adding.
    expect(callAmount("REGISTRATION", [3, 40000000, "changping", "innovative"])).toBe(10000000);
  });

  test("a region the tree does not know is #VALUE!, naming what it accepts", () => {
    const e = callAmount("REGISTRATION", [3, 5000000, "苏州工业园区"]) as CellError;
    expect(e).toBeInstanceOf(CellError);
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^region must be changping, beijing or shenzhen/);
    expect(e.message).toContain("苏州工业园区");
  });
});

describe("the explanation says what a name assumes", () => {
  test("en-US and zh-CN", () => {
    const en = explain("REGISTRATION", [3, 5000000, "changping"], { lang: "en-US" }) as string;
    expect(en.split("\n")[1]).toBe(
      "Region: Beijing › Changping District, taken as a member of Changping group, science and technology innovation area of the China (Beijing) Pilot Free Trade Zone, as the name given assumes (an enterprise outside it writes the path, 北京市›昌平区)",
    );
    const zh = explain("REGISTRATION", [3, 5000000, "changping"], { lang: "zh-CN" }) as string;
    expect(zh.split("\n")[1]).toBe("地区：北京市›昌平区，按所填地名视为中国（北京）自贸试验区科技创新片区昌平组团成员（不在其中的企业请写路径“北京市›昌平区”）");
    // A path assumes nothing, and says nothing of it.
    expect(explain("REGISTRATION", [3, 5000000, "北京市›昌平区"], { lang: "en-US" }) as string).not.toContain("taken as a member");
  });
});

describe("a scenario's region and zones", () => {
  const base = { schemaVersion: 1, name: "zones", horizon: { from: 2027, to: 2027 } };

  test("zones are stated beside the region", () => {
    const s = parseScenario({ ...base, enterprise: { region: "beijing", zones: ["中关村示范区"], sector: "device" } });
    expect(s.enterprise.zones).toEqual(["中关村示范区"]);
  });

  test("an unknown place or a zone elsewhere is refused at its field", () => {
    expect(() => parseScenario({ ...base, enterprise: { region: "atlantis", sector: "device" } })).toThrow(ScenarioError);
    try {
      parseScenario({ ...base, enterprise: { region: "shenzhen", zones: ["中关村"], sector: "device" } });
    } catch (e) {
      expect((e as ScenarioError).problems[0]).toMatch(/^enterprise\.zones: region: .* does not lie in Shenzhen/);
    }
    expect.assertions(2);
  });
});

describe("subsidy clauses --region says where and how the texts combine", () => {
  test("en-US and zh-CN, quoting each sentence", async () => {
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      await main(argv, { out: (t: string) => out.push(t), err: () => undefined }, {});
      return out;
    };
    const en = await run("clauses", "--region", "beijing+中关村示范区", "--topic", "market");
    expect(en.slice(0, 2)).toEqual([
      "Region: Beijing + Zhongguancun National Innovation Demonstration Zone",
      "  Zhongguancun National Innovation Demonstration Zone pays a matter once with Beijing: Opinions on accelerating the biomedicine, medical device and related industries in Zhongguancun, 前言: “经市政府同意，现提出以下意见。”",
    ]);
    const zh = await run("clauses", "--region", "changping", "--topic", "clinical", "--lang", "zh-CN");
    expect(zh.slice(0, 3)).toEqual([
      "地区：北京市 › 昌平区 + 中国（北京）自贸试验区科技创新片区昌平组团（按所填地名推定）",
      "  昌平区的政策与北京市的政策叠加：昌平区促进高端医疗器械产业集群发展的若干措施（征求意见稿） 第十六条“符合北京市市级其他扶持政策规定的，可申请同时享受市、区两级政策支持，另有规定的除外。”",
      "  中国（北京）自贸试验区科技创新片区昌平组团的政策与昌平区的政策同一事项从优、不重复：中国（北京）自贸试验区科技创新片区昌平组团促进医药健康产业发展支持办法（修订稿）（征求意见稿） 第十七条“同一项目、同一事项同时符合本办法多项条款或昌平区其他扶持政策的，按照“从优不重复”原则予以支持。”",
    ]);
  });
});
