import { clauseTable } from "../support/clause-table";
import { engine, factsFrom } from "../../src/engine";

// 北京市促进医疗器械产业高质量发展若干措施 (京经信发〔2025〕50号), packs/beijing-device/003_aafdf577fe23c31b.txt
clauseTable([
  // 一、1: early-stage project, 不超过100万元 with no base → the ceiling, 1,000,000 (ruling 2).
  { name: "1 a challenge project is not early-stage", clause: "beijing-device/1", facts: { beijingInnovationProject: "chainChallenge" }, expected: "not-met" },
  { name: "1 kind of project not given", clause: "beijing-device/1", facts: {}, expected: "unknown" },

  // 一、3: one-time award, 不超过200万元 per product → the ceiling, 2,000,000 (ruling 2).
  { name: "3 standard pathway, no national project", clause: "beijing-device/3", facts: { deviceClass: 3, pathway: "standard", nationalProject: false }, expected: "not-met" },
  { name: "3 standard pathway, national project not known", clause: "beijing-device/3", facts: { deviceClass: 3, pathway: "standard" }, expected: "unknown" },
  // A recognised major class II (Changping's route) is no review this item names.
  { name: "3 Changping's major class II is not a review it names", clause: "beijing-device/3", facts: { deviceClass: 2, pathway: "major", nationalProject: false }, expected: "not-met" },
  // 一次性, no class named (ruling 12): a product's later certificate of another class gets nothing.
  { name: "3 once per product: a later certificate of another class", clause: "beijing-device/3", onceTaken: ["beijing-device 一、3 registration"], facts: { deviceClass: 2, pathway: "innovative" }, expected: "not-met" },
  // 有效期至 2028 年 12 月 31 日; issued 2025-11-24.
  { name: "3 in force in 2028", clause: "beijing-device/3", year: 2028, facts: { deviceClass: 3, pathway: "innovative" }, expected: "2000000" },
  { name: "3 in force from its issue in 2025", clause: "beijing-device/3", year: 2025, facts: { deviceClass: 3, pathway: "innovative" }, expected: "2000000" },
  { name: "3 expired in 2029", clause: "beijing-device/3", year: 2029, facts: { deviceClass: 3, pathway: "innovative" }, expected: "out-of-validity" },
  { name: "3 not yet issued in 2024", clause: "beijing-device/3", year: 2024, facts: { deviceClass: 3, pathway: "innovative" }, expected: "out-of-validity" },

  // 二、5: 给予支持, no amount and no base → 0 (ruling 3); an assumed amount is taken as it is.
  { name: "5 promotion project: amount unspecified → 0", clause: "beijing-device/5", facts: { nationalEquipmentPromotion: true }, expected: "0" },
  // No base: the assumption is an amount in yuan, 1,000,000 → 1,000,000.
  { name: "5 not a national promotion project", clause: "beijing-device/5", facts: { nationalEquipmentPromotion: false }, expected: "not-met" },

  // 二、6: 一定比例 of last year's R&D → 0 (ruling 3), cap 10M.
  { name: "6 R&D award: unspecified rate → 0", clause: "beijing-device/6", facts: { newProductLast3Years: true, rdLastYear: "50000000" }, expected: "0" },
  // 0.1 × 150,000,000 = 15,000,000 → 10,000,000.
  { name: "6 assumed 10% above the cap", clause: "beijing-device/6", facts: { newProductLast3Years: true, rdLastYear: "150000000" }, assumption: "0.1", expected: "10000000", binds: "10,000,000" },
  { name: "6 no new product in three years", clause: "beijing-device/6", facts: { newProductLast3Years: false, rdLastYear: "50000000" }, assumption: "0.1", expected: "not-met" },
  { name: "6 assumed rate without last year's R&D", clause: "beijing-device/6", facts: { newProductLast3Years: true }, assumption: "0.1", expected: "unknown" },

  // 三、7: park project, ≤50% of total investment, ≤50M.
  // 50% × 60,000,000 = 30,000,000; 50% × 100,000,000 = 50,000,000 exactly; 50% × 200,000,000 → 50,000,000.
  { name: "7 park project above the cap", clause: "beijing-device/7.park", facts: { projectInvestment: "200000000" }, expected: "50000000", binds: "50,000,000" },
  { name: "7 park project without its investment", clause: "beijing-device/7.park", facts: {}, expected: "unknown" },
  // 30% × 166,666,666.67 = 50,000,000.001 → 50,000,000.
  { name: "7 common platform just above the cap", clause: "beijing-device/7.platform", facts: { engineeringInvestment: "166666666.67" }, expected: "50000000", binds: "50,000,000" },
  // 30% × 300,000,000 = 90,000,000 → 50,000,000.
  { name: "7 common platform well above the cap", clause: "beijing-device/7.platform", facts: { engineeringInvestment: "300000000" }, expected: "50000000", binds: "50,000,000" },
  { name: "7 common platform without its engineering investment", clause: "beijing-device/7.platform", facts: { projectInvestment: "100000000" }, expected: "unknown" },
  // Recognised innovation centre: ≤50% of total investment, no cap stated. 50% × 400,000,000 = 200,000,000.
  { name: "7 innovation centre not recognised", clause: "beijing-device/7.innovation-centre", facts: { recognisedInnovationCentre: false, projectInvestment: "400000000" }, expected: "not-met" },
  { name: "7 innovation centre, recognition not known", clause: "beijing-device/7.innovation-centre", facts: { projectInvestment: "400000000" }, expected: "unknown" },
  // Recognised pilot platform: ≤30% of total investment, no cap stated. 30% × 400,000,000 = 120,000,000.
  { name: "7 pilot platform not recognised", clause: "beijing-device/7.pilot", facts: { recognisedPilotPlatform: false, projectInvestment: "400000000" }, expected: "not-met" },

  // 三、8: ≤30% of the approved investment, ≤30M.
  // 30% × 50,000,000 = 15,000,000; 30% × 100,000,000 = 30,000,000 exactly; 30% × 200,000,000 = 60,000,000 → 30,000,000.
  { name: "8 challenge project above the cap", clause: "beijing-device/8", facts: { beijingInnovationProject: "chainChallenge", approvedChallengeInvestment: "200000000" }, expected: "30000000", binds: "30,000,000" },
  // The base is 项目审定攻关投资: a project's total investment does not say it.
  { name: "8 total investment is not the approved challenge investment", clause: "beijing-device/8", facts: { beijingInnovationProject: "chainChallenge", projectInvestment: "50000000" }, expected: "unknown" },
  { name: "8 an early-stage project is not a challenge project", clause: "beijing-device/8", facts: { beijingInnovationProject: "earlyStage", approvedChallengeInvestment: "50000000" }, expected: "not-met" },

  // 三、9: start-up service organisations, 资金支持 with no amount → 0; an assumed amount is taken as it is.
  { name: "9 incubator: amount unspecified → 0", clause: "beijing-device/9.incubator", facts: { beijingBody: "startupService" }, expected: "0" },
  { name: "9 a cluster is not a start-up service organisation", clause: "beijing-device/9.incubator", facts: { beijingBody: "nationalSmeCluster" }, expected: "not-met" },
  // National SME cluster: one-time, 不超过200万元 → 2,000,000.
  { name: "9 an incubator is not a national cluster", clause: "beijing-device/9.cluster", facts: { beijingBody: "startupService" }, expected: "not-met" },
  { name: "9 kind of body not given", clause: "beijing-device/9.cluster", facts: {}, expected: "unknown" },

  // 四、10: data-governance platform, 给予支持 with no amount → 0; an assumed amount is taken as it is.
  { name: "10 data platform: amount unspecified → 0", clause: "beijing-device/10.data-platform", facts: { beijingDigitalProject: "dataGovernancePlatform" }, expected: "0" },
  { name: "10 a smart factory is not a data platform", clause: "beijing-device/10.data-platform", facts: { beijingDigitalProject: "benchmarkSmartFactory" }, expected: "not-met" },
  // Industry large model: its computing-power cost, ≤30M.
  // 100% × 12,000,000 = 12,000,000; 100% × 30,000,000 = 30,000,000 exactly; 100% × 45,000,000 → 30,000,000.
  { name: "10 large model above the cap", clause: "beijing-device/10.large-model", facts: { beijingDigitalProject: "industryLargeModel", computeCost: "45000000" }, expected: "30000000", binds: "30,000,000" },
  { name: "10 large model without its compute cost", clause: "beijing-device/10.large-model", facts: { beijingDigitalProject: "industryLargeModel" }, expected: "unknown" },
  { name: "10 an AI product project is not a large model", clause: "beijing-device/10.large-model", facts: { beijingDigitalProject: "aiDiagnosis", computeCost: "12000000" }, expected: "not-met" },

  // 四、11: ≤30% of engineering investment, ≤50M.
  // 30% × 100,000,000 = 30,000,000; 30% × 166,666,666.67 = 50,000,000.001 → 50,000,000.
  { name: "11 AI product project just above the 50M cap", clause: "beijing-device/11", facts: { beijingDigitalProject: "aiDiagnosis", engineeringInvestment: "166666666.67" }, expected: "50000000", binds: "50,000,000" },
  { name: "11 a large model is not an AI product project", clause: "beijing-device/11", facts: { beijingDigitalProject: "industryLargeModel", engineeringInvestment: "100000000" }, expected: "not-met" },

  // 四、12: 30% of total project investment, ≤30M per project.
  // 30% × 60,000,000 = 18,000,000; 30% × 100,000,000 = 30,000,000 exactly; 30% × 150,000,000 = 45,000,000 → 30,000,000.
  { name: "12 smart factory above the cap", clause: "beijing-device/12", facts: { beijingDigitalProject: "benchmarkSmartFactory", projectInvestment: "150000000" }, expected: "30000000", binds: "30,000,000" },
  { name: "12 an AI product project is not a smart factory", clause: "beijing-device/12", facts: { beijingDigitalProject: "aiDiagnosis", projectInvestment: "60000000" }, expected: "not-met" },

  // 五、13: 一定支持 of the registration costs → 0 (ruling 3), ≤1M per product.
  { name: "13 overseas registration: unspecified → 0", clause: "beijing-device/13", facts: { newOverseasDeviceApproval: true, overseasSales: "2000000", registrationCost: "5000000" }, expected: "0" },
  // Assumed 10%: 0.1 × 20,000,000 = 2,000,000 → 1,000,000.
  { name: "13 assumed 10% above the cap", clause: "beijing-device/13", facts: { newOverseasDeviceApproval: true, overseasSales: "2000000", registrationCost: "20000000" }, assumption: "0.1", expected: "1000000", binds: "1,000,000" },
  // 新通过: an approval held before is not new.
  { name: "13 an approval held before is not 新通过", clause: "beijing-device/13", facts: { newOverseasDeviceApproval: false, overseasSales: "2000000", registrationCost: "5000000" }, assumption: "0.1", expected: "not-met" },
  { name: "13 whether the approval is new not given", clause: "beijing-device/13", facts: { overseasSales: "2000000", registrationCost: "5000000" }, assumption: "0.1", expected: "unknown" },
  { name: "13 approved but no sales abroad yet", clause: "beijing-device/13", facts: { newOverseasDeviceApproval: true, overseasSales: "0", registrationCost: "5000000" }, assumption: "0.1", expected: "not-met" },

  // 五、14: 分级分档, 不超过1000万元 with no base → the ceiling, 10,000,000 (ruling 2).
  { name: "14 not introduced from abroad", clause: "beijing-device/14", facts: { introducedFromAbroad: false, localProduction: true }, expected: "not-met" },
  { name: "14 local production not known", clause: "beijing-device/14", facts: { introducedFromAbroad: true }, expected: "unknown" },
]);

// Stacking within Beijing (ruling 5: one matter, the most favourable clause), worked by hand.
describe("beijing stacking", () => {
  const { catalog, evaluate } = engine();
  const run = (topic: Parameters<typeof evaluate>[0]["topic"], facts: Record<string, string | number | boolean>) =>
    evaluate({ topic, region: "beijing", facts: factsFrom(facts, catalog.facts) }).amount.toFixed();

  // 三、7: a recognised pilot platform that is also a common platform gets the higher award, not both:
  // 30% × engineering 100,000,000 = 30,000,000 vs 30% × total 150,000,000 = 45,000,000 → 45,000,000.
  test("7 a recognised pilot platform gets the higher of the two platform awards", () => {
    expect(run("platform", { recognisedPilotPlatform: true, recognisedInnovationCentre: false, engineeringInvestment: "100000000", projectInvestment: "150000000" })).toBe("45000000");
  });
  // 四、10–12 share one matter: a smart-factory query meets only the smart-factory clause: 30% × 60,000,000 = 18,000,000.
  test("12 a smart factory is paid once under digital", () => {
    expect(run("digital", { beijingDigitalProject: "benchmarkSmartFactory", projectInvestment: "60000000", engineeringInvestment: "60000000", computeCost: "5000000" })).toBe("18000000");
  });
});
