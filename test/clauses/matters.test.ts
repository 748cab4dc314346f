import { Decimal, engine, factsFrom, type Query, type Region, type Topic } from "../../src/engine";
import { call } from "../../src/functions/reports";

/**
 * Whole matters, not one clause: what an evaluation pays once stacking (ruling 5), separate
 * matters, the advance (ruling 13) and discretion (ruling 10) have had their say. Each figure is
 * worked out by hand from the sentences.
 */
const { catalog, evaluate, amount } = engine();

interface MatterCase {
  readonly name: string;
  readonly topic: Topic;
  readonly region: Region;
  readonly facts: Readonly<Record<string, string | number | boolean>>;
  readonly assumptions?: Readonly<Record<string, string>>;
  readonly expected: string;
}

const query = (c: MatterCase): Query => ({
  topic: c.topic,
  region: c.region,
  facts: factsFrom(c.facts, catalog.facts),
  assumptions: c.assumptions && Object.fromEntries(Object.entries(c.assumptions).map(([k, v]) => [k, new Decimal(v)])),
});

const cases: MatterCase[] = [
  // 昌平 第十一条: an acquisition (（一）) and a product's export sales (（二）) are two matters.
  // Acquisition of 2B > 1B → 10,000,000; 5‰ × 200,000,000 = 1,000,000; together 11,000,000.
  { name: "11.1 and 11.2 both pay", topic: "overseas", region: "changping", facts: { acquisitionValue: "2000000000", overseasSales: "200000000" }, expected: "11000000" },
  // The acquisition alone: 10,000,000.
  { name: "11.1 alone", topic: "overseas", region: "changping", facts: { acquisitionValue: "2000000000" }, expected: "10000000" },
  // 昌平医药 第五条（二）: a non-registration trial is its own matter beside （一）'s phase entry.
  // Class 1 entering phase I → 500,000; the trial with an assumed 300,000 → 800,000 in all.
  { name: "pharma 5.2 beside phase entry", topic: "clinical", region: "changping", facts: { drugClass: 1, phase: 1, nonRegistrationTrial: true, industrialised: true }, assumptions: { "changping-pharma/5.2": "300000" }, expected: "800000" },
  // Ruling 13: the 2M advance paid on entering the national review comes off the certificate's award.
  // Class III, national innovative, R&D 40M: Changping max(5.1 3M, 5.2 8M) = 8M − 2M = 6M; Beijing 一、3 2M → 8M.
  { name: "certificate less the advance, R&D 40M", topic: "registration", region: "changping", facts: { deviceClass: 3, pathway: "innovative", rdCost: "40000000", advancePaid: "2000000" }, expected: "8000000" },
  // R&D 5M: 30% × 5M = 1.5M < the 2M advance → 0 from Changping, never below; Beijing 2M → 2M.
  { name: "certificate below the advance pays 0, not less", topic: "registration", region: "changping", facts: { deviceClass: 3, pathway: "innovative", rdCost: "5000000", advancePaid: "2000000" }, expected: "2000000" },
  // Class III, national innovative, R&D 10M: （一） 30% × 10M = 3M (cap 3M) ties with （二）'s whole award
  // 3M (ruling 13 as amended); （二） pays, less the advance: 3M − 2M = 1M; Beijing 2M → 3M.
  { name: "（一） against （二）'s whole award, R&D 10M", topic: "registration", region: "changping", facts: { deviceClass: 3, pathway: "innovative", rdCost: "10000000", advancePaid: "2000000" }, expected: "3000000" },
  // R&D 10M through the priority review: 30% × 10M = 3M − 2M = 1M; Beijing 2M → 3M.
  { name: "priority-review certificate less the advance", topic: "registration", region: "changping", facts: { deviceClass: 2, pathway: "priority", rdCost: "10000000", advancePaid: "2000000" }, expected: "3000000" },
  // A standard certificate is not 第五条（二）'s: the advance stands and 5.1 pays in full, 30% × 5M = 1.5M
  // (Beijing 一、3 cannot tell without nationalProject: 0).
  { name: "a standard certificate keeps the advance apart", topic: "registration", region: "changping", facts: { deviceClass: 3, pathway: "standard", rdCost: "5000000", advancePaid: "2000000" }, expected: "1500000" },
  // Shenzhen is not Changping: no advance there. 40% × 20M = 8M → 6M.
  { name: "Shenzhen takes no advance off", topic: "registration", region: "shenzhen", facts: { deviceClass: 3, pathway: "innovative", rdCost: "20000000", advancePaid: "2000000" }, expected: "6000000" },
];

describe("matters as the texts stack them", () => {
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const q = query(c);
    expect(evaluate(q).amount.toFixed()).toBe(new Decimal(c.expected).toFixed());
    // The cell path (amount only) says the same.
    expect(amount(q).toFixed()).toBe(new Decimal(c.expected).toFixed());
  });

  test("the advance is written into the arithmetic of the certificate's line", () => {
    const lines = evaluate(query(cases[3])).lines;
    const paid = lines.find((l) => l.clause.id === "changping-device/5.2")!;
    expect(paid.status).toBe("applied");
    expect(paid.amount.toFixed()).toBe("6000000");
    expect(paid.working?.advance?.toFixed()).toBe("2000000");
  });
});

// Ruling 10, clause by clause: discretion where the award rests on the paying authority's own
// evaluation or selection; a condition where another authority recognises a status, or the
// recognition is of something other than what is paid for.
describe("discretion (ruling 10)", () => {
  const discretionary = (id: string) => catalog.clauses.find((c) => c.id === id)!.flags.includes("discretionary");
  test.each([
    // 经认定的重大二类: the very product paid for, no other authority named.
    ["changping-device/5.1-major", true],
    // 对获得…三类医疗器械注册证的: no evaluation in the class III route.
    ["changping-device/5.1", false],
    // 经国家部委认定 / 获得北京市级认定 / 经北京市级及以上认定: a status another authority recognises.
    ["changping-device/4.national", false],
    ["changping-device/4.municipal", false],
    ["changping-device/10.1", false],
    // 继续布局若干批市级科技和产业重大专项: selection rounds.
    ["shenzhen-device/3.frontier", true],
    ["shenzhen-device/3.chokepoint", true],
    // 谋划布局…市级重大产业服务平台.
    ["shenzhen-device/2.platform", true],
    // 开展“创赢未来”项目公开路演: a competition.
    ["beijing-device/1", true],
    // 对经认定的…特色园区…对园区建设方给予资助: the park is what the builder is paid for.
    ["shenzhen-device/22.builder", true],
    // The recognised park a tenant rents in, or an operator runs: a condition.
    ["shenzhen-device/22.rent", false],
    ["shenzhen-device/22.utilities", false],
    ["shenzhen-device/22.operator", false],
  ] as const)("%s discretionary: %s", (id, expected) => {
    expect(discretionary(id)).toBe(expected);
  });
});

describe("validity within a year and ties between texts", () => {
  test("a 2025 figure from Beijing's measures says they count from 2025-11-24", () => {
    // 京经信发〔2025〕50号, 2025年11月24日, 本政策自发布之日起实施.
    const lines = evaluate({ topic: "registration", region: "beijing", facts: factsFrom({ deviceClass: 3, pathway: "innovative" }, catalog.facts), year: 2025 }).lines;
    const beijing = lines.find((l) => l.clause.id === "beijing-device/3")!;
    expect([beijing.status, beijing.amount.toFixed(), beijing.inForceFrom]).toEqual(["applied", "2000000", "2025-11-24"]);
    // In 2026 the measures are in force from 1 January: no such flag.
    const later = evaluate({ topic: "registration", region: "beijing", facts: factsFrom({ deviceClass: 3, pathway: "innovative" }, catalog.facts), year: 2026 }).lines;
    expect(later.find((l) => l.clause.id === "beijing-device/3")!.inForceFrom).toBeUndefined();
  });

  test("two texts with the same milestone: the sector's own text is cited, the other says it gives the same", () => {
    const scaleup = (sector: string) =>
      evaluate({ topic: "scaleup", region: "changping", facts: factsFrom({ sector, output: "120000000", bestOutputBefore: "80000000" }, catalog.facts) }).lines;
    // 120M first passes 100M → 400,000 under either text (昌平器械 第八条（一）, 昌平医药 第十二条（三）).
    const device = scaleup("device");
    expect(device.find((l) => l.status === "applied")!.clause.id).toBe("changping-device/8.1");
    const tie = device.find((l) => l.clause.id === "changping-pharma/12.3")!;
    expect([tie.status, tie.amount.toFixed(), tie.sameAmount]).toEqual(["outranked", "400000", true]);
    // A drug company: the device measures are not its sector's; the pharma measures pay and are cited.
    const drug = scaleup("drug");
    expect(drug.find((l) => l.status === "applied")!.clause.id).toBe("changping-pharma/12.3");
  });
});

test("深圳（五）: the +100万 is quoted with the base sentence it raises", () => {
  // 40% × 20M = 8M → the innovative class III cap 5M + 1M = 6M.
  const text = call("EXPLAIN", ["REGISTRATION", 3, 20000000, "shenzhen", "innovative"], { lang: "zh-CN" }) as string;
  expect(text).toContain(
    "“对首次获批三类医疗器械注册证并在本市生产的，按实际投入研发费用的40%予以资助，单个品种最高不超过500万元。” … “对通过国家、省级创新医疗器械特别审批程序首次获得二、三类医疗器械注册证书且在本市生产的，单个品种资助上限再提高100万元。”",
  );
});
