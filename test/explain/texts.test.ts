import { call } from "../../src/functions/reports";

/*
 * Key explanations written out by hand, in both languages: DESIGN's examples, read from the
 * clauses' sentences and the rulings. Each line is what a CFO reads; the arithmetic is in the
 * comments.
 */

const shenzhen = "Shenzhen measures for the high-quality development of the high-end medical device cluster";
const 深圳 = "深圳市促进高端医疗器械产业集群高质量发展的若干措施";
const changping = "Changping District measures to develop the high-end medical device cluster (draft for comment)";
const 昌平 = "昌平区促进高端医疗器械产业集群发展的若干措施（征求意见稿）";
const beijing = "Beijing measures for the high-quality development of the medical device industry";
const 北京 = "北京市促进医疗器械产业高质量发展若干措施";

const lines = (...l: string[]) => l.join("\n");

describe("REGISTRATION(3, 5000000, \"shenzhen\") = 2,000,000", () => {
  // （五）: 按实际投入研发费用的40%, 三类 单个品种最高不超过500万元: 40% × 5,000,000 = 2,000,000 < 5,000,000.
  // The class II entries ask for class II; the innovative ones for the innovative review.
  test("en-US", () => {
    expect(call("EXPLAIN", ["REGISTRATION", 3, 5000000, "shenzhen"], { lang: "en-US" })).toBe(
      lines(
        'SUBSIDY.REGISTRATION(3, 5000000, "shenzhen") = 2,000,000 yuan',
        `• ${shenzhen}, （五）: does not apply`,
        "  First class II certificate produced in Shenzhen: 40% of R&D, up to 3M per product; 10M per enterprise a year",
        "  condition not met: device class of the registration certificate is class II (here: class III)",
        `• ${shenzhen}, （五）: pays 2,000,000`,
        "  First class III certificate produced in Shenzhen: 40% of R&D, up to 5M per product; 10M per enterprise a year",
        "  40% × R&D cost of the certified product 5,000,000 = 2,000,000",
        // Ruling 14: the annual cap with its sentence; ruling 12: 首次获批 per class.
        "  flags: per-enterprise cap 10,000,000 a year (“单个企业每年累计获得资助最高不超过1000万元”), applied by the forecast; once per product and class (“首次获批三类医疗器械注册证”); valid 5 years from an issue date the text does not state",
        "  “对首次获批三类医疗器械注册证并在本市生产的，按实际投入研发费用的40%予以资助，单个品种最高不超过500万元。”",
        `• ${shenzhen}, （五）: does not apply`,
        "  First class II certificate won through the national or provincial (Guangdong) innovative special approval and produced in Shenzhen: 40% of R&D as for any first class II certificate, with the class II cap of 3M per product raised by 1M to 4M",
        "  condition not met: device class of the registration certificate is class II (here: class III)",
        "  condition not met: review pathway of the certificate is the national innovative device special review or the provincial or municipal innovative special review (here: ordinary registration)",
        `• ${shenzhen}, （五）: does not apply`,
        "  First class III certificate won through the national or provincial (Guangdong) innovative special approval and produced in Shenzhen: 40% of R&D as for any first class III certificate, with the class III cap of 5M per product raised by 1M to 6M",
        "  condition not met: review pathway of the certificate is the national innovative device special review or the provincial or municipal innovative special review (here: ordinary registration)",
        "Further awards a scenario can reach for this product:",
        "  if it is produced locally (落地生产):",
        `  • ${shenzhen}, （八）: cannot tell`,
        "    Product industrialised in Shenzhen (own certificate, or contract manufacture under the registrant system with no investment link): 20% of the actual cost, up to 15M per product; 30M per enterprise a year",
        // （八）: 实际投入费用的20%, 单个品种最高1500万元: without the amount invested, at most 15,000,000.
        "    not given: actual amount invested; this clause pays up to 15,000,000, depending on it. Given by an event's further facts in the scenario (the Inputs table's Facts column)",
      ),
    );
  });

  test("zh-CN", () => {
    expect(call("EXPLAIN", ["REGISTRATION", 3, 5000000, "shenzhen"], { lang: "zh-CN" })).toBe(
      lines(
        'SUBSIDY.REGISTRATION(3, 5000000, "shenzhen") = 2,000,000元',
        `• ${深圳}（五）：不适用`,
        "  首次获批二类注册证并在本市生产：研发费用的40%，单个品种最高300万元；单个企业每年最高1000万元",
        "  条件不满足：医疗器械注册证类别须为二类（此处为三类）",
        `• ${深圳}（五）：支持2,000,000元`,
        "  首次获批三类注册证并在本市生产：研发费用的40%，单个品种最高500万元；单个企业每年最高1000万元",
        "  取证产品研发投入5,000,000元 × 40% = 2,000,000元",
        "  提示：单个企业每年不超过10,000,000元（“单个企业每年累计获得资助最高不超过1000万元”），由多年预测汇总时执行；每个产品每类限一次（“首次获批三类医疗器械注册证”）；自原文未载明的发布日期起有效5年",
        "  “对首次获批三类医疗器械注册证并在本市生产的，按实际投入研发费用的40%予以资助，单个品种最高不超过500万元。”",
        `• ${深圳}（五）：不适用`,
        "  通过国家、省级创新医疗器械特别审批程序首次获得二类注册证且在本市生产：按首次获批二类的标准，研发费用的40%，单个品种资助上限由300万元再提高100万元至400万元",
        "  条件不满足：医疗器械注册证类别须为二类（此处为三类）",
        "  条件不满足：取证的审评路径须为国家创新医疗器械特别审查程序或省级（市级）创新医疗器械特别审查程序（此处为常规注册）",
        `• ${深圳}（五）：不适用`,
        "  通过国家、省级创新医疗器械特别审批程序首次获得三类注册证且在本市生产：按首次获批三类的标准，研发费用的40%，单个品种资助上限由500万元再提高100万元至600万元",
        "  条件不满足：取证的审评路径须为国家创新医疗器械特别审查程序或省级（市级）创新医疗器械特别审查程序（此处为常规注册）",
        "在多年预测情景中，该产品还可能获得：",
        "  落地生产后：",
        `  • ${深圳}（八）：无法判断`,
        "    取得注册证并在本市产业化，或按注册人备案人制度承担生产（委托双方无投资关联）：实际投入费用的20%，单个品种最高1500万元；单个企业每年最高3000万元",
        "    缺少信息：“实际投入金额”；最高可得15,000,000元，视其数额而定。由情景中事件的补充事实（输入表的“事实”列）填写",
      ),
    );
  });
});

describe("FACILITY(20000000, 2000, \"shenzhen\") = 6,000,000", () => {
  // （七）: 40% × 20,000,000 = 8,000,000; 最高3000元/㎡ × 2,000 m² = 6,000,000 binds; 1000万元 does not.
  test("en-US", () => {
    expect(call("EXPLAIN", ["FACILITY", 20000000, 2000, "shenzhen"], { lang: "en-US" })).toBe(
      lines(
        'SUBSIDY.FACILITY(20000000, 2000, "shenzhen") = 6,000,000 yuan',
        `• ${shenzhen}, （七）: pays 6,000,000`,
        "  GMP plant built or refitted with a production licence: 40% of the cost, at most 3,000 yuan/m², up to 10M",
        "  40% × actual cost of building or refitting the GMP plant 20,000,000 = 8,000,000",
        "  cap 3,000 per m² of plant × 2,000 m² = 6,000,000",
        // Ruling 14: the cap with the words that set it.
        "  capped at 6,000,000 (3,000 per m² of plant: “最高3000元/㎡”)",
        "  flags: valid 5 years from an issue date the text does not state",
        "  “对新建或改造医疗器械方向GMP厂房并获批医疗器械生产许可证的企业，按实际新建或改造费用的40%、最高3000元/㎡，给予最高不超过1000万元的资助”",
      ),
    );
  });

  test("zh-CN", () => {
    expect(call("EXPLAIN", ["FACILITY", 20000000, 2000, "shenzhen"], { lang: "zh-CN" })).toBe(
      lines(
        'SUBSIDY.FACILITY(20000000, 2000, "shenzhen") = 6,000,000元',
        `• ${深圳}（七）：支持6,000,000元`,
        "  新建或改造GMP厂房并获批生产许可证：费用的40%，最高3000元/㎡，最高1000万元",
        "  GMP厂房实际新建或改造费用20,000,000元 × 40% = 8,000,000元",
        "  上限：每平方米3,000元 × 2,000平方米 = 6,000,000元",
        "  受上限约束，为6,000,000元（每平方米3,000元，原文“最高3000元/㎡”）",
        "  提示：自原文未载明的发布日期起有效5年",
        "  “对新建或改造医疗器械方向GMP厂房并获批医疗器械生产许可证的企业，按实际新建或改造费用的40%、最高3000元/㎡，给予最高不超过1000万元的资助”",
      ),
    );
  });
});

describe("REGISTRATION(2, 5000000, \"changping\") = 0", () => {
  // 第五条（一）: 三类, or 经认定的重大二类 — a plain class II is neither. 第五条（二）: only the national
  // innovative or priority review. 北京 一、3: 揭榜挂帅等国家项目 or the innovative review — the project is
  // not an argument of REGISTRATION, so the clause cannot tell; 单个产品不超过200万元 if it holds.
  // Further: entering the review, 第五条（二） 先期给予最高200万元; local production, 北京 五、14 不超过1000万元
  // for a device introduced from abroad (第五条（二）'s 300万元 needs the innovative review).
  test("en-US", () => {
    expect(call("EXPLAIN", ["REGISTRATION", 2, 5000000, "changping"], { lang: "en-US" })).toBe(
      lines(
        'SUBSIDY.REGISTRATION(2, 5000000, "changping") = 0 yuan',
        // Ruling 21: the name changping assumes membership of 昌平组团, and says so.
        "Region: Beijing › Changping District, taken as a member of Changping group, science and technology innovation area of the China (Beijing) Pilot Free Trade Zone, as the name given assumes (an enterprise outside it writes the path, 北京市›昌平区)",
        `• ${changping}, 第五条（一）: does not apply`,
        "  Class III certificate: 30% of the product's R&D, up to 3M per certificate; 30M per enterprise a year",
        "  condition not met: device class of the registration certificate is class III (here: class II)",
        // The major class II route is its own entry (ruling 10: only it is discretionary).
        `• ${changping}, 第五条（一）: does not apply`,
        "  Class II certificate recognised as major: as class III, 30% of the product's R&D, up to 3M per certificate",
        "  condition not met: review pathway of the certificate is recognition as a major class II product (here: ordinary registration)",
        `• ${changping}, 第五条（二）: does not apply`,
        "  Certificate through the national innovative special or priority review: 30% of the product's R&D, up to 8M per certificate",
        "  condition not met: review pathway of the certificate is the national innovative device special review or the national priority review (here: ordinary registration)",
        `• ${beijing}, 一、3: cannot tell`,
        "  Device approved after the national or Beijing innovative special or priority review (or a national project such as 揭榜挂帅): one-time award up to 2M per product; 10M per enterprise a year",
        "  not given: undertook a national project such as MIIT's 揭榜挂帅; should it hold, this clause pays 2,000,000. Given by an event's further facts in the scenario (the Inputs table's Facts column)",
        "Further awards a scenario can reach for this product:",
        "  on entering the innovative or priority review:",
        `  • ${changping}, 第五条（二）: pays 2,000,000`,
        "    Entering the national innovative special or priority review: up to 2M per product in advance",
        "    up to 2,000,000 (最高200万元)",
        "    flags: draft policy (征求意见稿); advance (先期给予) on the same product's certificate award, which then pays only what exceeds it; once per product (“单个产品可先期给予最高200万元支持”)",
        "    “对进入国家创新医疗器械特别或优先审查程序的，单个产品可先期给予最高200万元支持。”",
        "  if it is produced locally (落地生产):",
        `  • ${beijing}, 五、14: cannot tell`,
        "    Enterprise producing in Beijing a device introduced from abroad, with outstanding scale-up: tiered award up to 10M",
        "    not given: the device was introduced from abroad (从国外引进); should it hold, this clause pays 10,000,000. Given by an event's further facts in the scenario (the Inputs table's Facts column)",
      ),
    );
  });

  test("zh-CN", () => {
    expect(call("EXPLAIN", ["REGISTRATION", 2, 5000000, "changping"], { lang: "zh-CN" })).toBe(
      lines(
        'SUBSIDY.REGISTRATION(2, 5000000, "changping") = 0元',
        "地区：北京市›昌平区，按所填地名视为中国（北京）自贸试验区科技创新片区昌平组团成员（不在其中的企业请写路径“北京市›昌平区”）",
        `• ${昌平}第五条（一）：不适用`,
        "  三类注册证：取证产品研发投入的30%，单证最高300万元，单个企业每年最高3000万元",
        "  条件不满足：医疗器械注册证类别须为三类（此处为二类）",
        `• ${昌平}第五条（一）：不适用`,
        "  经认定的重大二类注册证：参照三类，取证产品研发投入的30%，单证最高300万元",
        "  条件不满足：取证的审评路径须为经认定的重大二类（此处为常规注册）",
        `• ${昌平}第五条（二）：不适用`,
        "  通过国家创新医疗器械特别或优先审查程序取证：研发投入的30%，单证最高800万元",
        "  条件不满足：取证的审评路径须为国家创新医疗器械特别审查程序或国家优先审批程序（此处为常规注册）",
        `• ${北京}一、3：无法判断`,
        "  进入国家和本市创新医疗器械特别审查、优先审批程序（或承担揭榜挂帅等国家项目）后获批上市：一次性奖励，单个产品不超过200万元，单个企业年度不超过1000万元",
        "  缺少信息：“承担工业和信息化部揭榜挂帅等国家项目”；如满足，可得2,000,000元。由情景中事件的补充事实（输入表的“事实”列）填写",
        "在多年预测情景中，该产品还可能获得：",
        "  进入创新或优先审查程序时：",
        `  • ${昌平}第五条（二）：支持2,000,000元`,
        "    进入国家创新医疗器械特别或优先审查程序：单个产品先期最高200万元",
        "    不超过2,000,000元（原文“最高200万元”）",
        "    提示：征求意见稿；先期给予：为同一产品注册证奖励的预拨，取证时只支付超出部分；每个产品限一次（“单个产品可先期给予最高200万元支持”）",
        "    “对进入国家创新医疗器械特别或优先审查程序的，单个产品可先期给予最高200万元支持。”",
        "  落地生产后：",
        `  • ${北京}五、14：无法判断`,
        "    从国外引进落地生产的器械品种且产业规模化成效突出的企业：分级分档奖励，不超过1000万元",
        "    缺少信息：“器械品种从国外引进”；如满足，可得10,000,000元。由情景中事件的补充事实（输入表的“事实”列）填写",
      ),
    );
  });
});
