import { clauseTable } from "../support/clause-table";

// 昌平组团促进医药健康产业发展支持办法（修订稿）（征求意见稿）, packs/changping-pharma/001_d4c13bd799f887e6.txt
clauseTable([
  // 第四条（一）: concept-verification funds, 每年定额安排 with no figure and no base → 0 (ruling 3).
  { name: "4.1 concept verification: no amount in the text", clause: "changping-pharma/4.1", facts: { conceptVerificationProject: true }, expected: "0" },
  // No base, so the assumption is an amount per project: assumed 500,000 → 500,000.
  { name: "4.1 not a concept-verification project", clause: "changping-pharma/4.1", facts: { conceptVerificationProject: false }, expected: "not-met" },
  { name: "4.1 project status not known", clause: "changping-pharma/4.1", facts: {}, expected: "unknown" },

  // 第四条（二）: digital projects after application, 经认定, 一定资金支持 with no base → 0.
  { name: "4.2 digital project: no amount in the text", clause: "changping-pharma/4.2", facts: { digitalProjectKind: "medicalEngineering", digitalProjectApplied: true }, expected: "0" },
  // Its third list, 互联网+医疗, is this article's own (the device measures' 第二条（四） does not name it).
  { name: "4.2 Internet-plus healthcare project: no amount in the text", clause: "changping-pharma/4.2", facts: { digitalProjectKind: "internetHealthcare", digitalProjectApplied: true }, expected: "0" },
  { name: "4.2 not yet applied", clause: "changping-pharma/4.2", facts: { digitalProjectKind: "medicalEngineering", digitalProjectApplied: false }, expected: "not-met" },

  // 第五条（一）: class 1 drugs entering phase Ⅰ, Ⅱ, Ⅲ: 50万元, 100万元, 200万元 per product.
  // 第五条 is for 开展临床试验并实施产业化的新药: a drug not industrialised in Changping gets nothing, one not known cannot tell.
  { name: "5.1 class 1 not industrialised", clause: "changping-pharma/5.1", facts: { drugClass: 1, phase: 1, industrialised: false }, expected: "not-met" },
  { name: "5.1 industrialisation not known", clause: "changping-pharma/5.1", facts: { drugClass: 1, phase: 1 }, expected: "unknown" },
  // Class 2 may follow class 1 only for completing a phase (完成…), which has no number; entering pays nothing.
  { name: "5.1 class 2 entering a phase", clause: "changping-pharma/5.1", facts: { industrialised: true, drugClass: 2, phase: 1 }, expected: "not-met" },

  // 第五条（一）完成: class 1 completing a phase, 一定比例 of 实际临床研发投入 → 0 unless a rate is assumed.
  { name: "5.1-completion class 1 completing phase II: rate unspecified", clause: "changping-pharma/5.1-completion", facts: { industrialised: true, drugClass: 1, phaseCompleted: 2, clinicalRdCost: "30000000" }, expected: "0" },
  // Assumed 10% × 30,000,000 = 3,000,000.
  { name: "5.1-completion with an assumed 10%", clause: "changping-pharma/5.1-completion", facts: { industrialised: true, drugClass: 1, phaseCompleted: 2, clinicalRdCost: "30000000" }, assumption: "0.1", expected: "3000000", assumed: "rate" },
  // Assumed 10% × 1,500,000,000 = 150,000,000: above the 1亿元 enterprise annual cap, which the forecast applies, not the clause (ruling 9).
  { name: "5.1-completion above the enterprise annual cap", clause: "changping-pharma/5.1-completion", facts: { industrialised: true, drugClass: 1, phaseCompleted: 3, clinicalRdCost: "1500000000" }, assumption: "0.1", expected: "150000000" },
  { name: "5.1-completion not industrialised", clause: "changping-pharma/5.1-completion", facts: { industrialised: false, drugClass: 1, phaseCompleted: 2, clinicalRdCost: "30000000" }, assumption: "0.1", expected: "not-met" },
  { name: "5.1-completion class 2 is the next entry", clause: "changping-pharma/5.1-completion", facts: { industrialised: true, drugClass: 2, phaseCompleted: 2, clinicalRdCost: "30000000" }, expected: "not-met" },
  { name: "5.1-completion class 3 not covered", clause: "changping-pharma/5.1-completion", facts: { industrialised: true, drugClass: 3, phaseCompleted: 1, clinicalRdCost: "30000000" }, expected: "not-met" },
  { name: "5.1-completion phase completed not known", clause: "changping-pharma/5.1-completion", facts: { industrialised: true, drugClass: 1, clinicalRdCost: "30000000" }, expected: "unknown" },
  // With a rate assumed the base is needed: no clinical R&D figure → unknown.
  { name: "5.1-completion assumed rate without the clinical R&D", clause: "changping-pharma/5.1-completion", facts: { industrialised: true, drugClass: 1, phaseCompleted: 1 }, assumption: "0.1", expected: "unknown" },

  // 第五条（一）: recognised class 2 follows the class 1 completion standard, which has no number → 0.
  { name: "5.1-class2 completing phase I: rate unspecified", clause: "changping-pharma/5.1-class2", facts: { industrialised: true, drugClass: 2, phaseCompleted: 1, clinicalRdCost: "8000000" }, expected: "0" },
  // Assumed 10% × 8,000,000 = 800,000.
  { name: "5.1-class2 not industrialised", clause: "changping-pharma/5.1-class2", facts: { industrialised: false, drugClass: 2, phaseCompleted: 1, clinicalRdCost: "8000000" }, assumption: "0.1", expected: "not-met" },
  { name: "5.1-class2 a class 1 drug", clause: "changping-pharma/5.1-class2", facts: { industrialised: true, drugClass: 1, phaseCompleted: 1, clinicalRdCost: "8000000" }, expected: "not-met" },

  // 第五条（二）: non-registration trials in frontier fields, 定额一次性奖励 with no figure → 0; 定额 is an amount, so an assumption is an amount.
  { name: "5.2 non-registration trial: no amount in the text", clause: "changping-pharma/5.2", facts: { industrialised: true, nonRegistrationTrial: true }, expected: "0" },
  // Assumed amount 300,000 per product → 300,000.
  { name: "5.2 with an assumed 300k per product", clause: "changping-pharma/5.2", facts: { industrialised: true, nonRegistrationTrial: true }, assumption: "300000", expected: "300000", assumed: "amount" },
  // 第五条's first sentence governs （二） too: a trial of a drug not industrialised in Changping gets nothing.
  { name: "5.2 not industrialised", clause: "changping-pharma/5.2", facts: { industrialised: false, nonRegistrationTrial: true }, assumption: "300000", expected: "not-met" },
  // Assumed 3,000,000 per product stays 3,000,000 here: the 200万元 is an enterprise annual cap, applied by the forecast (ruling 9).
  { name: "5.2 assumed amount above the enterprise annual cap", clause: "changping-pharma/5.2", facts: { industrialised: true, nonRegistrationTrial: true }, assumption: "3000000", expected: "3000000" },
  // 每个品种给予定额一次性奖励 (ruling 12): once per product.
  { name: "5.2 once per product", clause: "changping-pharma/5.2", onceTaken: ["changping-pharma 第五条（二） nonRegistrationTrial"], facts: { industrialised: true, nonRegistrationTrial: true }, assumption: "300000", expected: "not-met" },
  { name: "5.2 a registration trial", clause: "changping-pharma/5.2", facts: { industrialised: true, nonRegistrationTrial: false }, expected: "not-met" },

  // 第六条（一）: class 1 certificate and industrialised: 最高1000万元 with no base → 10,000,000 (ruling 2).
  { name: "6.1 class 1 not industrialised", clause: "changping-pharma/6.1", facts: { drugClass: 1, industrialised: false }, expected: "not-met" },
  { name: "6.1 class 2 is the next entry", clause: "changping-pharma/6.1", facts: { drugClass: 2, industrialised: true }, expected: "not-met" },
  { name: "6.1 industrialisation not known", clause: "changping-pharma/6.1", facts: { drugClass: 1 }, expected: "unknown" },

  // 第六条（一）: recognised class 2, 择优 最高500万元 → 5,000,000 (discretion flagged, not lowered).
  { name: "6.1-class2 class 3 not covered", clause: "changping-pharma/6.1-class2", facts: { drugClass: 3, industrialised: true }, expected: "not-met" },
  { name: "6.1-class2 not industrialised", clause: "changping-pharma/6.1-class2", facts: { drugClass: 2, industrialised: false }, expected: "not-met" },

  // 第六条（一）: major improved new drug / first generic, as class 1 → 10,000,000.
  { name: "6.1-improved an ordinary generic", clause: "changping-pharma/6.1-improved", facts: { majorImprovedOrFirstGeneric: false, industrialised: true }, expected: "not-met" },

  // 第六条（二）: new veterinary drug classes 一、二、三: 300万元, 200万元, 100万元 (ceilings, ruling 2).
  { name: "6.2 veterinary class 4 not covered", clause: "changping-pharma/6.2", facts: { vetDrugClass: 4, industrialised: true }, expected: "not-met" },
  { name: "6.2 veterinary class 1 not industrialised", clause: "changping-pharma/6.2", facts: { vetDrugClass: 1, industrialised: false }, expected: "not-met" },

  // 第八条（一）: MAH commissioning production: 10% of the product's actual transaction value, no cap.
  // 10% × 500,000,000 = 50,000,000: no ceiling in the text.
  { name: "8.1 transaction value not known", clause: "changping-pharma/8.1", facts: {}, expected: "unknown" },

  // 第八条（一）: manufacturing under the MAH system: 20% of the actual investment, no cap.
  // 20% × 0 = 0.
  { name: "8.1-production nothing invested", clause: "changping-pharma/8.1-production", facts: { actualInvestment: "0" }, expected: "0" },
  { name: "8.1-production investment not known", clause: "changping-pharma/8.1-production", facts: {}, expected: "unknown" },

  // 第八条（二）: sales platform: 2‰ of annual sales revenue, no cap.
  // 2‰ × 1,234,567.89 = 2,469.13578 (exact).
  { name: "8.2 sales not known", clause: "changping-pharma/8.2", facts: {}, expected: "unknown" },

  // 第九条: leading enterprises, 经认定后可给予资金支持 with no amount → 0.
  { name: "9 leading enterprise: no amount in the text", clause: "changping-pharma/9", facts: { leadingEnterprise: true }, expected: "0" },
  // Assumed amount 2,000,000 → 2,000,000.
  { name: "9 not recognised", clause: "changping-pharma/9", facts: { leadingEnterprise: false }, expected: "not-met" },

  // 第十条: globally leading project, 一定比例 of the fixed-asset investment → 0.
  { name: "10 leading project: rate unspecified", clause: "changping-pharma/10", facts: { globalLeadingProject: true, fixedAssetInvestment: "200000000" }, expected: "0" },
  // Assumed 10% × 200,000,000 = 20,000,000 (no cap in this text).
  { name: "10 not recognised", clause: "changping-pharma/10", facts: { globalLeadingProject: false, fixedAssetInvestment: "200000000" }, expected: "not-met" },
  { name: "10 assumed rate without the investment", clause: "changping-pharma/10", facts: { globalLeadingProject: true }, assumption: "0.1", expected: "unknown" },

  // 第十一条（一）: new FDA/EMA approval: 30% of the actual registration costs, no cap.
  // 30% × 33,333,333.33 = 9,999,999.999 (exact; no ceiling).
  { name: "11.1 no new approval", clause: "changping-pharma/11.1", facts: { newOverseasApproval: false, registrationCost: "2000000" }, expected: "not-met" },
  { name: "11.1 costs not known", clause: "changping-pharma/11.1", facts: { newOverseasApproval: true }, expected: "unknown" },

  // 第十一条（二）: License-in, product on the market: 最高100万元 → 1,000,000 (ruling 2).
  { name: "11.2-license-in not yet launched", clause: "changping-pharma/11.2-license-in", facts: { licenseInLaunched: false }, expected: "not-met" },
  { name: "11.2-license-in not known", clause: "changping-pharma/11.2-license-in", facts: {}, expected: "unknown" },

  // 第十一条（二）: License-out, 合同总额超过1亿美元 (USD, strictly greater): 最高50万元 → 500,000.
  // Exactly USD 100,000,000 is not 超过.
  { name: "11.2-license-out exactly USD 100M", clause: "changping-pharma/11.2-license-out", facts: { licenseOutContractUsd: "100000000" }, expected: "not-met" },
  // A contract worth ¥700M is about USD 97M: entered in USD it is below the threshold.
  { name: "11.2-license-out USD 97M", clause: "changping-pharma/11.2-license-out", facts: { licenseOutContractUsd: "97000000" }, expected: "not-met" },
  { name: "11.2-license-out contract not known", clause: "changping-pharma/11.2-license-out", facts: {}, expected: "unknown" },

  // 第十二条（一）: 2‰ of main-business revenue on first reaching 500M (含).
  // 2‰ × 600,000,000 = 1,200,000.
  { name: "12.1 reached before", clause: "changping-pharma/12.1", facts: { revenue: "600000000", bestRevenueBefore: "500000000" }, expected: "not-met" },

  // 第十二条（二）: matching of national special funds, 一定比例 → 0.
  { name: "12.2 matching: rate unspecified", clause: "changping-pharma/12.2", facts: { specialFundsLevel: "national", specialFunds: "5000000" }, expected: "0" },
  // 获国家级重大专项: municipal funds are not matched, as in the device measures' 第六条（三）.
  { name: "12.2 municipal special funds", clause: "changping-pharma/12.2", facts: { specialFundsLevel: "municipal", specialFunds: "5000000" }, assumption: "0.1", expected: "not-met" },
  { name: "12.2 assumed rate without the funds", clause: "changping-pharma/12.2", facts: { specialFundsLevel: "national" }, assumption: "0.1", expected: "unknown" },

  // 第十三条: SME, revenue < 30M, two-year R&D ≥ 10M, three years of growth; 10% of last year's R&D, no cap.
  // 10% × 30,000,000 = 3,000,000 (the device measures would stop at 2M).
  { name: "13 not an SME", clause: "changping-pharma/13", facts: { revenueLastYear: "10000000", rdLastYear: "30000000", rdYearBefore: "20000000", rdGrowthThreeYears: true, sme: false }, expected: "not-met" },
  { name: "13 growth not known", clause: "changping-pharma/13", facts: { revenueLastYear: "10000000", rdLastYear: "30000000", rdYearBefore: "20000000", sme: true }, expected: "unknown" },

  // 第十四条（三）: credit risk compensation to banks, 一定比例 of the principal lost → 0.
  { name: "14.3 risk compensation: rate unspecified", clause: "changping-pharma/14.3", facts: { loanPrincipalLoss: "10000000" }, expected: "0" },
  // Assumed 10% × 10,000,000 = 1,000,000.
  { name: "14.3 assumed rate without the loss", clause: "changping-pharma/14.3", facts: {}, assumption: "0.1", expected: "unknown" },

  // 第十五条（一）: CRO/CDMO/CMO: 20% of the year's actual service amount, no cap.
  // 20% × 100,000,000 = 20,000,000: no ceiling here (the device measures stop at 10M a year).
  { name: "15.1 service amount not known", clause: "changping-pharma/15.1", facts: { contractServiceOrganisation: true }, expected: "unknown" },
  { name: "15.1 not a contract service organisation", clause: "changping-pharma/15.1", facts: { contractServiceOrganisation: false, serviceAmount: "30000000" }, expected: "not-met" },

  // 第十五条（二）: platforms the district 甄选引入 (selectedSharedPlatform), 30% of 平台建设实际投入, cap 30M ("给予最高3000万元资金支持").
  // 30% × 100,000,001 = 30,000,000.3 → capped at 30,000,000.
  { name: "15.2 above the cap", clause: "changping-pharma/15.2", facts: { selectedSharedPlatform: true, platformInvestment: "100000001" }, expected: "30000000", binds: "30,000,000" },
  { name: "15.2 investment not known", clause: "changping-pharma/15.2", facts: { selectedSharedPlatform: true }, expected: "unknown" },
  // Only a platform selected and brought in qualifies: any other platform gets nothing, and one not said cannot tell.
  { name: "15.2 a platform not selected and brought in", clause: "changping-pharma/15.2", facts: { selectedSharedPlatform: false, platformInvestment: "50000000" }, expected: "not-met" },
  { name: "15.2 selection not known", clause: "changping-pharma/15.2", facts: { platformInvestment: "50000000" }, expected: "unknown" },
  // The plan states only the device measures' 项目总投资额度 (器械 第九条（二）): read for 平台建设实际投入, marked assumed.
  // 30% × 40,000,000 = 12,000,000.
  { name: "15.2 on the project investment alone, assumed", clause: "changping-pharma/15.2", facts: { selectedSharedPlatform: true, projectInvestment: "40000000" }, expected: "12000000", assumed: "base" },

  // 第十五条（二）: platforms in operation, 择优给予一定的资金奖励 with no base → 0.
  { name: "15.2-operation: no amount in the text", clause: "changping-pharma/15.2-operation", facts: { sharedPlatformOperating: true }, expected: "0" },
  // Assumed amount 1,000,000 → 1,000,000.
  { name: "15.2-operation not yet operating", clause: "changping-pharma/15.2-operation", facts: { sharedPlatformOperating: false }, expected: "not-met" },

  // 第十六条（三）: high-quality events hosted by market entities: 20% of the costs actually incurred, no cap.
  // 举办 is hosting: attending an overseas event is changping-device 第十二条（二）.
  { name: "16.3 attending, not hosting", clause: "changping-pharma/16.3", facts: { eventRole: "overseasAttendee", eventCost: "1500000" }, expected: "not-met" },
  { name: "16.3 costs not known", clause: "changping-pharma/16.3", facts: { eventRole: "host" }, expected: "unknown" },
  // The plan states only the device measures' 项目经费 (器械 第十二条（一）): read for 活动实际发生费用, marked assumed.
  // 20% × 1,500,000 = 300,000.
  { name: "16.3 on the project funds alone, assumed", clause: "changping-pharma/16.3", facts: { eventRole: "host", projectCost: "1500000" }, expected: "300000", assumed: "base" },
  // Both stated: the text's own base. 20% × 1,000,000 = 200,000 (the 5,000,000 project funds are not read).
  { name: "16.3 role not known", clause: "changping-pharma/16.3", facts: { eventCost: "1500000" }, expected: "unknown" },

  // 第十六条（三）: recognised alliances, 一定比例运营补贴 → 0.
  { name: "16.3-alliance: rate unspecified", clause: "changping-pharma/16.3-alliance", facts: { allianceRecognised: true, operatingCost: "4000000" }, expected: "0" },
  // Assumed 10% × 4,000,000 = 400,000.
  { name: "16.3-alliance not recognised", clause: "changping-pharma/16.3-alliance", facts: { allianceRecognised: false, operatingCost: "4000000" }, expected: "not-met" },
]);
