import { clauseTable } from "../support/clause-table";
import { engine, factsFrom } from "../../src/engine";

// 深圳市促进高端医疗器械产业集群高质量发展的若干措施, packs/shenzhen-device/002_4b5bfd69d8734961.txt
clauseTable([
  // （二）: national key lab / engineering research centre / other national carrier: 最高3000万元, no base → the ceiling 30,000,000 (ruling 2).
  { name: "(2) an enterprise technology centre is not a national lab", clause: "shenzhen-device/2.national-lab", facts: { shenzhenCarrier: "nationalEnterpriseTechnologyCentre" }, expected: "not-met" },
  { name: "(2) carrier not given", clause: "shenzhen-device/2.national-lab", facts: {}, expected: "unknown" },
  // National enterprise technology centre: 最高1500万元 → 15,000,000.
  { name: "(2) a key lab does not take the 15M clause", clause: "shenzhen-device/2.enterprise-centre", facts: { shenzhenCarrier: "nationalKeyLab" }, expected: "not-met" },
  // Municipal platform: 40% of total investment, cap 50M.
  // 40% × 100,000,000 = 40,000,000; 40% × 125,000,000 = 50,000,000 exactly; 40% × 200,000,000 = 80,000,000 → 50,000,000.
  { name: "(2) platform above the cap", clause: "shenzhen-device/2.platform", facts: { projectInvestment: "200000000" }, expected: "50000000", binds: "50,000,000" },
  { name: "(2) platform without its investment", clause: "shenzhen-device/2.platform", facts: {}, expected: "unknown" },

  // （三）: frontier research, 全额资助 (100% of the cost), cap 30M.
  // 100% × 12,000,000 = 12,000,000; 100% × 30,000,000 = 30,000,000 exactly; 100% × 45,000,000 → 30,000,000.
  { name: "(3) frontier above the cap", clause: "shenzhen-device/3.frontier", facts: { shenzhenSpecialProject: "frontier", projectCost: "45000000" }, expected: "30000000", binds: "30,000,000" },
  { name: "(3) a chokepoint project is not frontier research", clause: "shenzhen-device/3.frontier", facts: { shenzhenSpecialProject: "chokepoint", projectCost: "12000000" }, expected: "not-met" },
  // Chokepoint / major industrialisation: 40% of total investment, phased, cap 300M.
  // 40% × 500,000,000 = 200,000,000; 40% × 750,000,000 = 300,000,000 exactly; 40% × 1,000,000,000 = 400,000,000 → 300,000,000.
  { name: "(3) chokepoint above the cap", clause: "shenzhen-device/3.chokepoint", facts: { shenzhenSpecialProject: "chokepoint", projectInvestment: "1000000000" }, expected: "300000000", binds: "300,000,000" },
  { name: "(3) frontier research does not take the chokepoint clause", clause: "shenzhen-device/3.chokepoint", facts: { shenzhenSpecialProject: "frontier", projectInvestment: "500000000" }, expected: "not-met" },
  { name: "(3) chokepoint without its investment", clause: "shenzhen-device/3.chokepoint", facts: { shenzhenSpecialProject: "chokepoint" }, expected: "unknown" },

  // （五）: class II, 40% of R&D, cap 3M per product. 40% × 5,000,000 = 2,000,000; 40% × 10,000,000 → 3,000,000.
  { name: "(5) class II capped at 3M", clause: "shenzhen-device/5.class2", facts: { deviceClass: 2, rdCost: "10000000" }, expected: "3000000", binds: "3,000,000" },
  // Class III, cap 5M: 40% × 5,000,000 = 2,000,000 (DESIGN example); 40% × 12,500,000 = 5,000,000 exactly; 40% × 20M → 5M.
  { name: "(5) class III above the cap", clause: "shenzhen-device/5.class3", facts: { deviceClass: 3, rdCost: "20000000" }, expected: "5000000", binds: "5,000,000" },
  { name: "(5) class I", clause: "shenzhen-device/5.class3", facts: { deviceClass: 1, rdCost: "20000000" }, expected: "not-met" },
  // 上限再提高100万元: class II innovative cap 4M, class III innovative cap 6M. 40% × 20,000,000 = 8,000,000.
  { name: "(5) innovative class II cap 4M", clause: "shenzhen-device/5.innovative-class2", facts: { deviceClass: 2, rdCost: "20000000", pathway: "innovative" }, expected: "4000000", binds: "4,000,000" },
  { name: "(5) innovative class III cap 6M", clause: "shenzhen-device/5.innovative-class3", facts: { deviceClass: 3, rdCost: "20000000", pathway: "innovative" }, expected: "6000000", binds: "6,000,000" },
  // Below the raised cap the rate decides: 40% × 13,000,000 = 5,200,000 < 6M.
  { name: "(5) standard pathway gets no raise", clause: "shenzhen-device/5.innovative-class3", facts: { deviceClass: 3, rdCost: "20000000", pathway: "standard" }, expected: "not-met" },
  // 国家、省级创新医疗器械特别审批程序: Guangdong's innovative special review raises the cap too; 40% × 20M = 8M → 6M.
  { name: "(5) provincial innovative review: class III cap 6M", clause: "shenzhen-device/5.innovative-class3", facts: { deviceClass: 3, rdCost: "20000000", pathway: "provincial" }, expected: "6000000", binds: "6,000,000" },
  // It names the special review only: a national priority review gets no raise.
  { name: "(5) national priority review gets no raise", clause: "shenzhen-device/5.innovative-class3", facts: { deviceClass: 3, rdCost: "20000000", pathway: "priority" }, expected: "not-met" },
  { name: "(5) provincial priority approval gets no raise", clause: "shenzhen-device/5.innovative-class2", facts: { deviceClass: 2, rdCost: "20000000", pathway: "provincial-priority" }, expected: "not-met" },
  // 首次获批 per class (ruling 12): a product's second class III certificate gets nothing from （五）; a first class II still pays.
  { name: "(5) a second class III certificate of the product", clause: "shenzhen-device/5.class3", onceTaken: ["shenzhen-device （五） registration class 3"], facts: { deviceClass: 3, rdCost: "5000000" }, expected: "not-met" },
  { name: "(5) a second class III certificate, innovative entry too", clause: "shenzhen-device/5.innovative-class3", onceTaken: ["shenzhen-device （五） registration class 3"], facts: { deviceClass: 3, rdCost: "5000000", pathway: "innovative" }, expected: "not-met" },
  // 40% × 5,000,000 = 2,000,000: a class III before does not make this class II a repeat.
  { name: "(5) a first class II after a class III", clause: "shenzhen-device/5.class2", onceTaken: ["shenzhen-device （五） registration class 3"], facts: { deviceClass: 2, rdCost: "5000000" }, expected: "2000000" },

  // （七）: 40% of the cost, at most 3000元/㎡, at most 10M.
  // 20,000,000 × 40% = 8,000,000; 2,000 m² × 3,000 = 6,000,000 → 6,000,000 (DESIGN example).
  { name: "(7) the per-m² cap binds", clause: "shenzhen-device/7", facts: { facilityCost: "20000000", areaM2: "2000" }, expected: "6000000", binds: "per m²" },
  // 40,000,000 × 40% = 16,000,000; 10,000 m² × 3,000 = 30,000,000; → 10,000,000.
  { name: "(7) the 10M cap binds, per award as the text words it", clause: "shenzhen-device/7", facts: { facilityCost: "40000000", areaM2: "10000" }, expected: "10000000", binds: "10,000,000 per award" },
  { name: "(7) no area given", clause: "shenzhen-device/7", facts: { facilityCost: "40000000" }, expected: "unknown" },

  // （八）: 20% of the actual cost, cap 15M per product (30M per enterprise a year is the forecast's, ruling 9).
  // 20% × 50,000,000 = 10,000,000; 20% × 75,000,000 = 15,000,000 exactly; 20% × 100,000,000 = 20,000,000 → 15,000,000.
  { name: "(8) above the per-product cap", clause: "shenzhen-device/8", facts: { actualInvestment: "100000000" }, expected: "15000000", binds: "15,000,000" },
  { name: "(8) cost not given", clause: "shenzhen-device/8", facts: {}, expected: "unknown" },

  // （十）: institution, journal, think tank: 最高50万元 → 500,000.
  { name: "(10) an alliance is not in the 500k clause", clause: "shenzhen-device/10.institution", facts: { shenzhenBody: "alliance" }, expected: "not-met" },
  // Summit or exhibition: the audited cost in full, cap 5M.
  // 100% × 3,200,000 = 3,200,000; 100% × 5,000,000 = 5,000,000 exactly; 100% × 8,000,000 → 5,000,000.
  { name: "(10) summit above the cap", clause: "shenzhen-device/10.summit", facts: { eventCost: "8000000" }, expected: "5000000", binds: "5,000,000" },
  { name: "(10) summit without its cost", clause: "shenzhen-device/10.summit", facts: {}, expected: "unknown" },
  // Alliance: 择优 最高500万元 → 5,000,000.
  { name: "(10) a think tank is not an alliance", clause: "shenzhen-device/10.alliance", facts: { shenzhenBody: "thinkTank" }, expected: "not-met" },
  { name: "(10) kind of body not given", clause: "shenzhen-device/10.alliance", facts: {}, expected: "unknown" },

  // （十四）: audited actual costs in full, at most 10M per enterprise a year; sold abroad.
  // 100% × 4,000,000 = 4,000,000; 100% × 10,000,000 = 10,000,000 exactly; 100% × 12,000,000 → 10,000,000.
  { name: "(14) above the cap", clause: "shenzhen-device/14", facts: { registrationCost: "12000000", overseasSales: "1000000" }, expected: "10000000", binds: "10,000,000" },
  { name: "(14) approved but no sales abroad yet", clause: "shenzhen-device/14", facts: { registrationCost: "4000000", overseasSales: "0" }, expected: "not-met" },

  // （十五）: 3% of this year's procurement, 3M per product. 3% × 60,000,000 = 1,800,000; 3% × 150,000,000 → 3,000,000.
  // 3% × 100,000,000 = 3,000,000: exactly the cap.
  { name: "(15) capped at 3M", clause: "shenzhen-device/15", facts: { nationalVbp: true, procurementThisYear: "150000000" }, expected: "3000000", binds: "3,000,000" },
  // 国家医疗器械集中带量采购 only: a provincial alliance's procurement does not meet it.
  { name: "(15) not national procurement", clause: "shenzhen-device/15", facts: { nationalVbp: false, procurementThisYear: "60000000" }, expected: "not-met" },
  // The base is 当年采购总金额: a bid value alone does not say it.
  { name: "(15) the bid value is not the year's procurement", clause: "shenzhen-device/15", facts: { nationalVbp: true, bidValue: "60000000" }, expected: "unknown" },

  // （十九）: 达到10、20、40项以上 (inclusive) → lead unit 100/200/300万元, participating unit 50/100/150万元.
  { name: "(19) lead: 9 projects is below the first step", clause: "shenzhen-device/19.lead", facts: { trialServiceRole: "lead", trialServiceProjects: 9 }, expected: "0" },
  { name: "(19) a participating unit does not take the lead scale", clause: "shenzhen-device/19.lead", facts: { trialServiceRole: "participant", trialServiceProjects: 40 }, expected: "not-met" },
  { name: "(19) lead: project count not given", clause: "shenzhen-device/19.lead", facts: { trialServiceRole: "lead" }, expected: "unknown" },
  { name: "(19) participant: 9 projects → 0", clause: "shenzhen-device/19.participant", facts: { trialServiceRole: "participant", trialServiceProjects: 9 }, expected: "0" },
  { name: "(19) a lead unit does not take the participant scale", clause: "shenzhen-device/19.participant", facts: { trialServiceRole: "lead", trialServiceProjects: 40 }, expected: "not-met" },

  // （二十二）: park builder, 10% of total construction investment, cap 100M.
  // 10% × 300,000,000 = 30,000,000; 10% × 1,000,000,000 = 100,000,000 exactly; 10% × 1,500,000,000 → 100,000,000.
  { name: "(22) builder above the cap", clause: "shenzhen-device/22.builder", facts: { shenzhenParkRole: "builder", projectInvestment: "1500000000" }, expected: "100000000", binds: "100,000,000" },
  { name: "(22) a tenant is not the builder", clause: "shenzhen-device/22.builder", facts: { shenzhenParkRole: "tenant", projectInvestment: "300000000" }, expected: "not-met" },
  // Tenant rent: 50% of the benchmark rent, cap 5M a year.
  // 50% × 2,400,000 = 1,200,000; 50% × 10,000,000 = 5,000,000 exactly; 50% × 12,000,000 = 6,000,000 → 5,000,000.
  { name: "(22) rent above the cap", clause: "shenzhen-device/22.rent", facts: { shenzhenParkRole: "tenant", benchmarkRent: "12000000" }, expected: "5000000", binds: "5,000,000" },
  { name: "(22) rent: the operator is not a tenant", clause: "shenzhen-device/22.rent", facts: { shenzhenParkRole: "operator", benchmarkRent: "2400000" }, expected: "not-met" },
  { name: "(22) rent: benchmark rent not given", clause: "shenzhen-device/22.rent", facts: { shenzhenParkRole: "tenant" }, expected: "unknown" },
  // 连续3年 from entry in 2026 (ruling 11): 2026, 2027, 2028. 50% × 2,400,000 = 1,200,000 in 2026 and 2028; 0 in 2025 and 2029.
  { name: "(22) rent in the year of entry", clause: "shenzhen-device/22.rent", year: 2026, facts: { shenzhenParkRole: "tenant", benchmarkRent: "2400000", parkEntryYear: 2026 }, expected: "1200000" },
  { name: "(22) rent in the third year", clause: "shenzhen-device/22.rent", year: 2028, facts: { shenzhenParkRole: "tenant", benchmarkRent: "2400000", parkEntryYear: 2026 }, expected: "1200000" },
  { name: "(22) rent in the fourth year: outside the window", clause: "shenzhen-device/22.rent", year: 2029, facts: { shenzhenParkRole: "tenant", benchmarkRent: "2400000", parkEntryYear: 2026 }, expected: "not-met" },
  { name: "(22) rent before entry", clause: "shenzhen-device/22.rent", year: 2025, facts: { shenzhenParkRole: "tenant", benchmarkRent: "2400000", parkEntryYear: 2026 }, expected: "not-met" },
  // Tenant utilities: 50% of last year's cost, cap 2M a year.
  // 50% × 1,600,000 = 800,000; 50% × 4,000,000 = 2,000,000 exactly; 50% × 5,000,000 = 2,500,000 → 2,000,000.
  { name: "(22) utilities above the cap", clause: "shenzhen-device/22.utilities", facts: { shenzhenParkRole: "tenant", utilityCost: "5000000" }, expected: "2000000", binds: "2,000,000" },
  // 从合同签订起共资助3年: contract in 2025 → 2025–2027; 50% × 1,600,000 = 800,000 in 2027, 0 in 2028.
  { name: "(22) utilities in the third year from the contract", clause: "shenzhen-device/22.utilities", year: 2027, facts: { shenzhenParkRole: "tenant", utilityCost: "1600000", parkContractYear: 2025 }, expected: "800000" },
  { name: "(22) utilities in the fourth year from the contract", clause: "shenzhen-device/22.utilities", year: 2028, facts: { shenzhenParkRole: "tenant", utilityCost: "1600000", parkContractYear: 2025 }, expected: "not-met" },
  // The utilities window opens with the contract, not the entry: entry in 2028 does not move it.
  { name: "(22) utilities: entry does not open the contract's window", clause: "shenzhen-device/22.utilities", year: 2028, facts: { shenzhenParkRole: "tenant", utilityCost: "1600000", parkContractYear: 2025, parkEntryYear: 2028 }, expected: "not-met" },
  { name: "(22) utilities: the builder is not a tenant", clause: "shenzhen-device/22.utilities", facts: { shenzhenParkRole: "builder", utilityCost: "1600000" }, expected: "not-met" },
  // Operator: 20% of operating cost, cap 5M a year.
  // 20% × 10,000,000 = 2,000,000; 20% × 25,000,000 = 5,000,000 exactly; 20% × 40,000,000 = 8,000,000 → 5,000,000.
  { name: "(22) operator above the cap", clause: "shenzhen-device/22.operator", facts: { shenzhenParkRole: "operator", operatingCost: "40000000" }, expected: "5000000", binds: "5,000,000" },
  { name: "(22) operator: a tenant is not the operator", clause: "shenzhen-device/22.operator", facts: { shenzhenParkRole: "tenant", operatingCost: "10000000" }, expected: "not-met" },
  // 自正式投产日起共资助3年: production from 2027 → 2027–2029; 20% × 10,000,000 = 2,000,000 in 2029, 0 in 2030.
  { name: "(22) operator in the third year from production", clause: "shenzhen-device/22.operator", year: 2029, facts: { shenzhenParkRole: "operator", operatingCost: "10000000", productionStartYear: 2027 }, expected: "2000000" },
  { name: "(22) operator in the fourth year from production", clause: "shenzhen-device/22.operator", year: 2030, facts: { shenzhenParkRole: "operator", operatingCost: "10000000", productionStartYear: 2027 }, expected: "not-met" },
  // The tenant's entry year is not the operator's window.
  { name: "(22) operator: a tenant's entry does not close the operator's window", clause: "shenzhen-device/22.operator", year: 2030, facts: { shenzhenParkRole: "operator", operatingCost: "10000000", productionStartYear: 2029, parkEntryYear: 2026 }, expected: "2000000" },
  { name: "(22) operator: role not given", clause: "shenzhen-device/22.operator", facts: { operatingCost: "10000000" }, expected: "unknown" },

  // （二十三）: 50% of training costs within 3 years, cap 5M.
  // 50% × 3,000,000 = 1,500,000; 50% × 10,000,000 = 5,000,000 exactly; 50% × 12,000,000 = 6,000,000 → 5,000,000.
  { name: "(23) training above the cap", clause: "shenzhen-device/23.training", facts: { trainingCost: "12000000" }, expected: "5000000", binds: "5,000,000" },
  { name: "(23) training cost not given", clause: "shenzhen-device/23.training", facts: {}, expected: "unknown" },
  // 对3年以内的培训费用 (DESIGN ruling 19): a project started 2026 counts its costs of 2026–2028;
  // 50% × 3,000,000 = 1,500,000 in 2028, nothing in 2029.
  { name: "(23) training in the project's third year", clause: "shenzhen-device/23.training", year: 2028, facts: { trainingCost: "3000000", trainingStartYear: 2026 }, expected: "1500000" },
  { name: "(23) training in the project's fourth year", clause: "shenzhen-device/23.training", year: 2029, facts: { trainingCost: "3000000", trainingStartYear: 2026 }, expected: "not-met" },

  // 有效期5年 from an issue date the text does not give: in force unless the user sets one.
  { name: "validity: no issue date, in force in 2040", clause: "shenzhen-device/15", year: 2040, facts: { nationalVbp: true, procurementThisYear: "60000000" }, expected: "1800000" },
  // Issued 2023-03-01 → in force to 2028-02-29: 2028 counts, 2029 does not.
  { name: "validity: last year of a set window", clause: "shenzhen-device/15", year: 2028, issueDates: { "shenzhen-device": "2023-03-01" }, facts: { nationalVbp: true, procurementThisYear: "60000000" }, expected: "1800000" },
  { name: "validity: after a set window", clause: "shenzhen-device/15", year: 2029, issueDates: { "shenzhen-device": "2023-03-01" }, facts: { nationalVbp: true, procurementThisYear: "60000000" }, expected: "out-of-validity" },
]);

// Stacking within Shenzhen (就高不就低, 不重复资助), worked by hand from the clauses above.
describe("shenzhen stacking", () => {
  const { catalog, evaluate } = engine();
  const run = (topic: Parameters<typeof evaluate>[0]["topic"], facts: Record<string, string | number>) =>
    evaluate({ topic, region: "shenzhen", facts: factsFrom(facts, catalog.facts) }).amount.toFixed();

  // （二十二）: a tenant's rent and utilities awards are two items of one list, so they add:
  // 50% × 2,400,000 = 1,200,000 rent + 50% × 1,600,000 = 800,000 utilities = 2,000,000.
  test("(22) a tenant gets rent and utilities together", () => {
    expect(run("space", { shenzhenParkRole: "tenant", benchmarkRent: "2400000", utilityCost: "1600000" })).toBe("2000000");
  });
  // The operator's query meets neither tenant clause: 20% × 10,000,000 = 2,000,000 only.
  test("(22) an operator gets the operating-cost award only", () => {
    expect(run("space", { shenzhenParkRole: "operator", operatingCost: "10000000", utilityCost: "1600000" })).toBe("2000000");
  });
  // （三）: one special project is funded once; a chokepoint project: 40% × 500,000,000 = 200,000,000.
  test("(3) a special project gets one award", () => {
    expect(run("innovation", { shenzhenSpecialProject: "chokepoint", projectInvestment: "500000000", projectCost: "20000000" })).toBe("200000000");
  });
});
