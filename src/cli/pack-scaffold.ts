/**
 * What `subsidy pack new DIR` writes: a short example text (marked as an example, not a real
 * policy) and a pack with one entry of each formula kind, each with a worked example whose
 * figure is worked out by hand beside it. It passes `pack check` and `pack test` as written.
 */

export const SCAFFOLD_TEXT = `示例市促进医疗器械产业发展若干措施
（示例文本，非真实政策，仅用于演示政策包的写法）

第一条  为演示政策包的编写方法，制定本措施。本措施适用于注册地和生产地均在示例市的医疗器械和药品企业。

第二条  对取得第三类医疗器械注册证的企业，按其研发投入的30%给予支持，单个产品最高不超过300万元。

第三条  对首次在国家集中带量采购中中标的产品，一次性给予50万元奖励。

第四条  对开展Ⅰ期、Ⅱ期、Ⅲ期临床试验的1类创新药，分别给予100万元、200万元、300万元支持。

第五条  单个产品年产值首次突破1亿元、5亿元的，分别给予50万元、200万元奖励。

第六条  企业投保临床试验责任保险，年度保费达到10万元以上的给予5万元补贴，达到50万元以上的给予20万元补贴。

第七条  对上年度研发投入达到1000万元以上的企业，按上年度研发投入的一定比例给予支持。

第八条  同一项目、同一事项同时符合本措施多项条款的，按照“从优不重复”原则予以支持。本措施自2026年1月1日起施行，有效期至2028年12月31日。
`;

const place = "示例市";

export const scaffoldPack = (schemaPath: string) => ({
  $schema: schemaPath,
  format: 1,
  version: "2026.1",
  author: { name: "示例作者（请改为您的姓名）", contact: "example@example.com" },
  places: {
    places: [{ id: "example-city", parent: "cn", kind: "city", zh: place, en: "Example City", aliases: ["示例"] }],
  },
  document: {
    id: "example-city",
    file: "text.txt",
    title: "示例市促进医疗器械产业发展若干措施（示例，非真实政策）",
    titleEn: "Example City measures for the medical device industry (an example, not a real policy)",
    issuer: "示例市人民政府（示例）",
    jurisdiction: "example-city",
    level: "municipal",
    status: "in-force",
    sectors: ["device", "drug"],
    issued: "2026-01-01",
    validFrom: "2026-01-01",
    validTo: "2028-12-31",
    stacking: { article: "第八条", sentence: "同一项目、同一事项同时符合本措施多项条款的，按照“从优不重复”原则予以支持。" },
    facts: {},
    clauses: [
      {
        id: "example-city/2",
        article: "第二条",
        sentence: "对取得第三类医疗器械注册证的企业，按其研发投入的30%给予支持，单个产品最高不超过300万元。",
        topic: "registration",
        matter: "registration",
        summary: { zh: "第三类注册证：研发投入的30%，单个产品最高300万元", en: "Class III certificate: 30% of R&D, up to 3M per product" },
        conditions: [{ fact: "deviceClass", op: "in", value: [3] }],
        formula: { kind: "rate", rate: "0.3", base: "rdCost" },
        caps: [{ amount: "3000000", per: { zh: "单个产品", en: "per product" }, sentence: "单个产品最高不超过300万元" }],
      },
      {
        id: "example-city/3",
        article: "第三条",
        sentence: "对首次在国家集中带量采购中中标的产品，一次性给予50万元奖励。",
        topic: "vbp",
        matter: "vbp",
        summary: { zh: "首次在国家带量采购中中标：一次性50万元" },
        conditions: [{ fact: "firstVbpWin", op: "is", value: true }],
        formula: { kind: "fixed", amount: "500000" },
        once: { per: "product", sentence: "一次性给予50万元奖励" },
        flags: ["one-time"],
      },
      {
        id: "example-city/4",
        article: "第四条",
        sentence: "对开展Ⅰ期、Ⅱ期、Ⅲ期临床试验的1类创新药，分别给予100万元、200万元、300万元支持。",
        topic: "clinical",
        matter: "clinical",
        summary: { zh: "1类创新药临床试验：Ⅰ、Ⅱ、Ⅲ期分别100万、200万、300万元", en: "Class 1 drug trials: phase I, II, III 1M, 2M, 3M" },
        conditions: [{ fact: "drugClass", op: "in", value: [1] }],
        formula: { kind: "lookup", fact: "phase", table: { "1": "1000000", "2": "2000000", "3": "3000000" } },
      },
      {
        id: "example-city/5",
        article: "第五条",
        sentence: "单个产品年产值首次突破1亿元、5亿元的，分别给予50万元、200万元奖励。",
        topic: "scaleup",
        matter: "scaleup",
        summary: { zh: "单品种年产值首次突破1亿、5亿元：50万、200万元", en: "A product's output first above 100M, 500M: 500k, 2M" },
        formula: {
          kind: "milestones",
          fact: "output",
          previous: "bestOutputBefore",
          tiers: [
            { threshold: "100000000", amount: "500000" },
            { threshold: "500000000", amount: "2000000" },
          ],
        },
      },
      {
        id: "example-city/6",
        article: "第六条",
        sentence: "企业投保临床试验责任保险，年度保费达到10万元以上的给予5万元补贴，达到50万元以上的给予20万元补贴。",
        topic: "insurance",
        matter: "insurance",
        summary: { zh: "临床试验责任保险：年度保费达10万、50万元，补贴5万、20万元", en: "Clinical-trial liability insurance: premiums of 100k, 500k a year earn 50k, 200k" },
        formula: {
          kind: "steps",
          fact: "premium",
          tiers: [
            { threshold: "100000", amount: "50000" },
            { threshold: "500000", amount: "200000" },
          ],
        },
      },
      {
        id: "example-city/7",
        article: "第七条",
        sentence: "对上年度研发投入达到1000万元以上的企业，按上年度研发投入的一定比例给予支持。",
        topic: "rd",
        matter: "rd",
        summary: { zh: "上年度研发投入达1000万元：按一定比例支持（比例未定）", en: "R&D of 10M or more last year: a share, not stated" },
        conditions: [{ fact: "rdLastYear", op: "gte", value: "10000000" }],
        formula: { kind: "unspecified", base: "rdLastYear" },
      },
    ],
  },
  accounting: {
    "example-city/2": { class: "incurred", words: "按其研发投入的30%给予支持", zh: "按已发生的研发投入计算", en: "a share of R&D already spent" },
    "example-city/3": { class: "incurred", words: "对首次在国家集中带量采购中中标的产品", zh: "对已中标的产品给予奖励", en: "an award for a win already obtained" },
    "example-city/4": { class: "later", words: "对开展Ⅰ期、Ⅱ期、Ⅲ期临床试验", zh: "支持开展中的临床试验", en: "supports trials under way" },
    "example-city/5": { class: "incurred", words: "年产值首次突破", zh: "对已达到的产值给予奖励", en: "an award for output already reached" },
    "example-city/6": { class: "incurred", words: "年度保费达到10万元以上", zh: "按已缴纳的保费补贴", en: "a subsidy on premiums already paid" },
    "example-city/7": { class: "incurred", words: "按上年度研发投入的一定比例", zh: "按上年度已发生的研发投入", en: "a share of last year's R&D, already spent" },
  },
  examples: [
    {
      name: "第二条：三类证，研发投入500万元",
      call: ["REGISTRATION", 3, 5000000, place],
      expected: "1500000",
      arithmetic: "30% × 5,000,000 = 1,500,000，未超过单个产品上限3,000,000",
      entries: ["example-city/2"],
    },
    {
      name: "第二条：三类证，研发投入2,000万元，上限封顶",
      call: ["REGISTRATION", 3, 20000000, place],
      expected: "3000000",
      arithmetic: "30% × 20,000,000 = 6,000,000，超过上限，取3,000,000",
      entries: ["example-city/2"],
    },
    {
      name: "第三条：首次带量采购中标",
      call: ["VBP", 10000000, place],
      expected: "500000",
      arithmetic: "一次性50万元 = 500,000，与中标金额无关",
      entries: ["example-city/3"],
    },
    {
      name: "第四条：1类创新药进入Ⅱ期临床",
      call: ["CLINICAL", 1, 2, place],
      expected: "2000000",
      arithmetic: "Ⅱ期对应200万元 = 2,000,000",
      entries: ["example-city/4"],
    },
    {
      name: "第五条：年产值由8,000万元首次突破1亿元",
      call: ["SCALEUP", 120000000, 80000000, place],
      expected: "500000",
      arithmetic: "120,000,000 ≥ 100,000,000 且此前最高 80,000,000 < 100,000,000：首次突破1亿元，50万元 = 500,000；未达5亿元",
      entries: ["example-city/5"],
    },
    {
      name: "第六条：年度保费20万元",
      call: ["INSURANCE", 200000, place],
      expected: "50000",
      arithmetic: "200,000 ≥ 100,000，< 500,000：补贴5万元 = 50,000",
      entries: ["example-city/6"],
    },
    {
      name: "第七条：比例未定，不作估计",
      call: ["RESEARCH", 20000000, 12000000, 10000000, place],
      expected: "0",
      arithmetic: "上年度研发投入12,000,000 ≥ 10,000,000，条件满足；原文只写“一定比例”，没有数字：计0（裁定3）",
      entries: ["example-city/7"],
    },
    {
      name: "情景：2027年取得三类证，研发投入800万元",
      scenario: {
        schemaVersion: 1,
        name: "示例市三类证",
        enterprise: { region: place, sector: "device" },
        horizon: { from: 2027, to: 2028 },
        events: [{ type: "certificate", year: 2027, product: "示例产品", class: 3, rdCost: "8000000" }],
      },
      expected: { "2027": "2400000", "2028": "0" },
      arithmetic: "2027年：30% × 8,000,000 = 2,400,000，未超过上限3,000,000；2028年没有事项，0",
      entries: ["example-city/2"],
    },
  ],
});
