import { clauseTable } from "../support/clause-table";

// 昌平区促进高端医疗器械产业集群发展的若干措施（征求意见稿）, packs/changping-device/000_d0bd31d2d04e6e8a.txt
clauseTable([
  // 第二条（一）: 最高给予3000万元 with no rate → the ceiling, 30,000,000 (ruling 2).
  { name: "2.1 not landed", clause: "changping-device/2.1", facts: { techTransferLanded: false }, expected: "not-met" },
  { name: "2.1 landing not known", clause: "changping-device/2.1", facts: {}, expected: "unknown" },

  // 第二条（二）: 获得“揭榜挂帅”等定向支持的科学家和创新团队 in a national or municipal special: 最高300万元 → 3,000,000.
  // Undertaking a national project (Beijing 一、3's fact) is not directed support of a team: the clause cannot tell.
  { name: "2.2 a national project alone is not directed support", clause: "changping-device/2.2", facts: { nationalProject: true }, expected: "unknown" },

  // 第二条（三）: the 2000万元 a year is a programme budget; no amount per project → 0 (ruling 3).
  { name: "2.3 concept verification: no amount in the text", clause: "changping-device/2.3", facts: { conceptVerificationProject: true }, expected: "0" },
  // An assumed 500,000 for the project is taken as given.
  { name: "2.3 not a concept-verification project", clause: "changping-device/2.3", facts: { conceptVerificationProject: false }, expected: "not-met" },

  // 第二条（四）: 经认定，每个项目给予最高1000万元 → 10,000,000.
  // 互联网+医疗 is the pharma measures' third list (第四条（二）), not this article's.
  { name: "2.4 an Internet-plus healthcare project is not in this article", clause: "changping-device/2.4", facts: { digitalProjectKind: "internetHealthcare", digitalProjectApplied: true }, expected: "not-met" },
  { name: "2.4 not yet applied", clause: "changping-device/2.4", facts: { digitalProjectKind: "digitalTransformation", digitalProjectApplied: false }, expected: "not-met" },

  // 第三条（一）: revenue < 30M, R&D of the last two years ≥ 10M; 10% of last year's R&D, cap 2M.
  // 10% × 25,000,000 = 2,500,000 → capped at 2,000,000.
  { name: "3.1 above the cap", clause: "changping-device/3.1", facts: { revenueLastYear: "1", rdLastYear: "25000000", rdYearBefore: "0" }, expected: "2000000", binds: "2,000,000" },
  // 不足3000万元 is strictly below: revenue of exactly 30M fails.
  { name: "3.1 revenue of exactly 30M is not 不足3000万元", clause: "changping-device/3.1", facts: { revenueLastYear: "30000000", rdLastYear: "8000000", rdYearBefore: "4000000" }, expected: "not-met" },
  // 达1000万元以上 is inclusive: 6M + 4M = 10M qualifies; 10% × 6M = 600,000.
  { name: "3.1 two-year R&D just below 10M", clause: "changping-device/3.1", facts: { revenueLastYear: "0", rdLastYear: "5999999.99", rdYearBefore: "4000000" }, expected: "not-met" },
  { name: "3.1 without the year before's R&D", clause: "changping-device/3.1", facts: { revenueLastYear: "0", rdLastYear: "12000000" }, expected: "unknown" },

  // 第三条（二）: 50% of the premium of one policy, cap 500k.
  // 50% × 1,000,001 = 500,000.5 → 500,000.
  { name: "3.2 above the cap", clause: "changping-device/3.2", facts: { premium: "1000001" }, expected: "500000", binds: "500,000" },

  // 第四条: national recognition 最高200万元 → 2,000,000; Beijing recognition 最高50万元 → 500,000.
  { name: "4 a municipal centre does not meet the national clause", clause: "changping-device/4.national", facts: { rdCentreRecognition: "municipal" }, expected: "not-met" },
  { name: "4 a national centre is not the municipal clause", clause: "changping-device/4.municipal", facts: { rdCentreRecognition: "national" }, expected: "not-met" },
  { name: "4 recognition not known", clause: "changping-device/4.national", facts: {}, expected: "unknown" },

  // 第五条（一）: class III certificate, 30% of the product's R&D, cap 3M per certificate.
  // 30% × 40,000,000 = 12,000,000 → 3,000,000.
  { name: "5.1 above the cap", clause: "changping-device/5.1", facts: { deviceClass: 3, rdCost: "40000000", pathway: "standard" }, expected: "3000000", binds: "3,000,000" },
  // A class III certificate on any pathway meets 5.1: 30% × 5,000,000 = 1,500,000.
  { name: "5.1 class III through the priority review still meets 5.1", clause: "changping-device/5.1", facts: { deviceClass: 3, rdCost: "5000000", pathway: "priority" }, expected: "1500000" },
  { name: "5.1 class II is not the class III route", clause: "changping-device/5.1", facts: { deviceClass: 2, rdCost: "2000000", pathway: "major" }, expected: "not-met" },
  // 30% × 10,000,000 = 3,000,000: class III's cap, exactly; 30% × 20,000,000 = 6,000,000 → 3,000,000.
  { name: "5.1-major above the cap", clause: "changping-device/5.1-major", facts: { deviceClass: 2, rdCost: "20000000", pathway: "major" }, expected: "3000000", binds: "3,000,000" },
  { name: "5.1-major ordinary class II", clause: "changping-device/5.1-major", facts: { deviceClass: 2, rdCost: "2000000", pathway: "standard" }, expected: "not-met" },
  { name: "5.1-major class III is 5.1's, not this route", clause: "changping-device/5.1-major", facts: { deviceClass: 3, rdCost: "2000000", pathway: "major" }, expected: "not-met" },
  { name: "5.1 class I is a filing", clause: "changping-device/5.1", facts: { deviceClass: 1, rdCost: "2000000", pathway: "standard" }, expected: "not-met" },

  // 第五条（二）: national innovative or priority review, 30%, cap 8M per certificate.
  // 30% × 40,000,000 = 12,000,000 → 8,000,000 (DESIGN example's Changping part).
  { name: "5.2 innovative capped at 8M", clause: "changping-device/5.2", facts: { deviceClass: 3, rdCost: "40000000", pathway: "innovative" }, expected: "8000000", binds: "8,000,000" },
  { name: "5.2 standard pathway", clause: "changping-device/5.2", facts: { deviceClass: 3, rdCost: "40000000", pathway: "standard" }, expected: "not-met" },
  // Only the national reviews: Beijing's own innovative review or priority approval does not meet it.
  { name: "5.2 Beijing's innovative review is not the national one", clause: "changping-device/5.2", facts: { deviceClass: 3, rdCost: "20000000", pathway: "provincial" }, expected: "not-met" },
  { name: "5.2 Beijing's priority approval is not the national one", clause: "changping-device/5.2", facts: { deviceClass: 2, rdCost: "20000000", pathway: "provincial-priority" }, expected: "not-met" },
  // 落地生产的一次性再给予最高300万元.
  { name: "5.2 not produced locally", clause: "changping-device/5.2-production", facts: { deviceClass: 3, pathway: "innovative", localProduction: false }, expected: "not-met" },
  { name: "5.2 Beijing's review, produced locally: not this clause", clause: "changping-device/5.2-production", facts: { deviceClass: 3, pathway: "provincial", localProduction: true }, expected: "not-met" },

  // 第五条（三）: FDA Breakthrough, 30% of R&D, one-time, cap 8M.
  // 30% × 26,666,666.67 = 8,000,000.001 → 8,000,000.
  { name: "5.3 just over the 8M cap", clause: "changping-device/5.3", facts: { fdaBreakthrough: true, rdCost: "26666666.67" }, expected: "8000000", binds: "8,000,000" },
  // 30% × 40,000,000 = 12,000,000 → 8,000,000.
  { name: "5.3 well above the cap", clause: "changping-device/5.3", facts: { fdaBreakthrough: true, rdCost: "40000000" }, expected: "8000000", binds: "8,000,000" },
  { name: "5.3 not in the programme", clause: "changping-device/5.3", facts: { fdaBreakthrough: false, rdCost: "10000000" }, expected: "not-met" },
  { name: "5.3 R&D not known", clause: "changping-device/5.3", facts: { fdaBreakthrough: true }, expected: "unknown" },

  // 第六条（一）: globally leading project, 协议投资2亿元（含）以上, started within a year of signing;
  // 30% of fixed-asset investment (excl. buildings and land), cap 300M per project.
  // Investment exactly 200M qualifies (含); 30% × 100,000,000 = 30,000,000.
  { name: "6.1 agreed investment just below 200M", clause: "changping-device/6.1", facts: { globalLeadingProject: true, internationalLeadingTeam: true, agreedInvestment: "199999999.99", constructionStartedWithinYear: true, fixedAssetInvestment: "100000000" }, expected: "not-met" },
  // 30% × 1,200,000,000 = 360,000,000 → 300,000,000.
  { name: "6.1 above the cap", clause: "changping-device/6.1", facts: { globalLeadingProject: true, internationalLeadingTeam: true, agreedInvestment: "1500000000", constructionStartedWithinYear: true, fixedAssetInvestment: "1200000000" }, expected: "300000000", binds: "300,000,000" },
  { name: "6.1 construction not started within a year", clause: "changping-device/6.1", facts: { globalLeadingProject: true, internationalLeadingTeam: true, agreedInvestment: "500000000", constructionStartedWithinYear: false, fixedAssetInvestment: "100000000" }, expected: "not-met" },
  { name: "6.1 not a globally leading project", clause: "changping-device/6.1", facts: { globalLeadingProject: false, internationalLeadingTeam: true, agreedInvestment: "500000000", constructionStartedWithinYear: true, fixedAssetInvestment: "100000000" }, expected: "not-met" },
  // 拥有国际领先团队 is a condition of its own.
  { name: "6.1 without an internationally leading team", clause: "changping-device/6.1", facts: { globalLeadingProject: true, internationalLeadingTeam: false, agreedInvestment: "500000000", constructionStartedWithinYear: true, fixedAssetInvestment: "100000000" }, expected: "not-met" },
  { name: "6.1 fixed-asset investment not known", clause: "changping-device/6.1", facts: { globalLeadingProject: true, internationalLeadingTeam: true, agreedInvestment: "500000000", constructionStartedWithinYear: true }, expected: "unknown" },

  // 第六条（二）: 经认定后，可给予最高1亿元 → 100,000,000.
  { name: "6.2 not such a result", clause: "changping-device/6.2", facts: { strategicTechLanding: false }, expected: "not-met" },

  // 第六条（三）: up to 100% of the special funds received, 5M per enterprise a year.
  // 100% × 8,000,000 = 8,000,000 → 5,000,000.
  { name: "6.3 above the cap", clause: "changping-device/6.3", facts: { specialFundsLevel: "national", specialFunds: "8000000" }, expected: "5000000", binds: "5,000,000" },
  { name: "6.3 funds not known", clause: "changping-device/6.3", facts: { specialFundsLevel: "national" }, expected: "unknown" },
  // 获国家级重大专项: municipal special funds are not matched.
  { name: "6.3 municipal special funds are not matched", clause: "changping-device/6.3", facts: { specialFundsLevel: "municipal", specialFunds: "1000000" }, expected: "not-met" },

  // 第七条: rented area 100 m²（含）or more; 50% of rent paid, up to 5M a year.
  // 100 m² qualifies (含); 50% × 2,000,000 = 1,000,000.
  { name: "7 99.99 m² is below 100", clause: "changping-device/7", facts: { industryAssociation: true, inDevicePark: true, rentedAreaM2: "99.99", rentPaid: "2000000" }, expected: "not-met" },
  // 50% × 12,000,000 = 6,000,000 → 5,000,000.
  { name: "7 above the cap", clause: "changping-device/7", facts: { industryAssociation: true, inDevicePark: true, rentedAreaM2: "5000", rentPaid: "12000000" }, expected: "5000000", binds: "5,000,000" },
  { name: "7 area not known", clause: "changping-device/7", facts: { industryAssociation: true, inDevicePark: true, rentPaid: "2000000" }, expected: "unknown" },
  // 行业商协会、学会、产业联盟等机构 in a device park: an ordinary enterprise, or space outside a device park, does not qualify.
  { name: "7 an ordinary enterprise is not an association", clause: "changping-device/7", facts: { industryAssociation: false, inDevicePark: true, rentedAreaM2: "500", rentPaid: "2000000" }, expected: "not-met" },
  { name: "7 an association renting outside a device park", clause: "changping-device/7", facts: { industryAssociation: true, inDevicePark: false, rentedAreaM2: "500", rentPaid: "2000000" }, expected: "not-met" },
  { name: "7 rent not known", clause: "changping-device/7", facts: { industryAssociation: true, inDevicePark: true, rentedAreaM2: "200" }, expected: "unknown" },

  // 第八条（一）: first crossing of 50M, 100M, 500M, 1B, 2B → 200k, 400k, 2M, 5M, 10M.
  // 首次突破 is inclusive: exactly 50M → 200,000.
  { name: "8.1 just below 50M", clause: "changping-device/8.1", facts: { output: "49999999", bestOutputBefore: "0" }, expected: "0" },
  // Already above 100M before: 150M crosses nothing new.
  { name: "8.1 no new threshold", clause: "changping-device/8.1", facts: { output: "150000000", bestOutputBefore: "100000000" }, expected: "0" },

  // 第八条（二）: revenue first reaching 500M (含): 2‰ of revenue.
  // 2‰ × 812,345,678 = 1,624,691.356.
  { name: "8.2 not the first time", clause: "changping-device/8.2", facts: { revenue: "900000000", bestRevenueBefore: "500000000" }, expected: "not-met" },
  { name: "8.2 below 500M", clause: "changping-device/8.2", facts: { revenue: "499999999", bestRevenueBefore: "0" }, expected: "not-met" },

  // 第九条（一）: CRO/CDMO/CMO, 20% of the year's service amount, 10M per enterprise a year.
  // 20% × 20,000,000 = 4,000,000; 20% × 50,000,000 = 10,000,000 (the cap); 20% × 60,000,000 = 12,000,000 → 10,000,000.
  { name: "9.1 above the cap", clause: "changping-device/9.1", facts: { contractServiceOrganisation: true, serviceAmount: "60000000" }, expected: "10000000", binds: "10,000,000" },
  { name: "9.1 service amount not known", clause: "changping-device/9.1", facts: { contractServiceOrganisation: true }, expected: "unknown" },
  { name: "9.1 not a contract service organisation", clause: "changping-device/9.1", facts: { contractServiceOrganisation: false, serviceAmount: "20000000" }, expected: "not-met" },

  // 第九条（二）: new shared platform, 30% of total project investment, cap 30M.
  // 30% × 50,000,000 = 15,000,000; 30% × 100,000,000 = 30,000,000 (the cap); 30% × 150,000,000 = 45,000,000 → 30,000,000.
  { name: "9.2 above the cap", clause: "changping-device/9.2", facts: { newSharedPlatform: true, projectInvestment: "150000000" }, expected: "30000000", binds: "30,000,000" },
  { name: "9.2 investment not known", clause: "changping-device/9.2", facts: { newSharedPlatform: true }, expected: "unknown" },
  // The plan states only the pharma measures' 平台建设实际投入 (医药 第十五条（二）): read for 项目总投资额度, marked assumed.
  // 30% × 40,000,000 = 12,000,000.
  { name: "9.2 on the platform investment alone, assumed", clause: "changping-device/9.2", facts: { newSharedPlatform: true, platformInvestment: "40000000" }, expected: "12000000", assumed: "base" },
  // Both stated: the text's own base. 30% × 50,000,000 = 15,000,000 (the 40M platform investment is not read).
  { name: "9.2 not a new shared public platform", clause: "changping-device/9.2", facts: { newSharedPlatform: false, projectInvestment: "50000000" }, expected: "not-met" },

  // 第十条（一）: first-of-its-kind, 20% of this year's sales, cap 10M.
  // 20% × 30,000,000 = 6,000,000; 20% × 60,000,000 = 12,000,000 → 10,000,000.
  { name: "10.1 capped at 10M", clause: "changping-device/10.1", facts: { firstSetSales: "60000000" }, expected: "10000000", binds: "10,000,000" },
  // 按当年该产品销售额 (DESIGN ruling 18): the sales of the recognition year only. Recognised 2027:
  // 2027's 30,000,000 → 20% = 6,000,000; 2026's or 2028's sales are not that year's → nothing.
  { name: "10.1 on the recognition year's sales", clause: "changping-device/10.1", year: 2027, facts: { firstSetSales: "30000000", firstSetRecognitionYear: 2027 }, expected: "6000000" },
  { name: "10.1 not on the year before recognition", clause: "changping-device/10.1", year: 2026, facts: { firstSetSales: "30000000", firstSetRecognitionYear: 2027 }, expected: "not-met" },
  { name: "10.1 not on a later year's sales", clause: "changping-device/10.1", year: 2028, facts: { firstSetSales: "30000000", firstSetRecognitionYear: 2027 }, expected: "not-met" },

  // 第十条（二）: first VBP win, 3% of the bid value, cap 3M per product.
  // 3% × 50,000,000 = 1,500,000; 3% × 100,000,000 = 3,000,000 (the cap); 3% × 200,000,000 → 3,000,000.
  { name: "10.2 above the cap", clause: "changping-device/10.2", facts: { bidValue: "200000000", firstVbpWin: true }, expected: "3000000", binds: "3,000,000" },
  { name: "10.2 not the first win", clause: "changping-device/10.2", facts: { bidValue: "50000000", firstVbpWin: false }, expected: "not-met" },

  // 第十条（三）: 择优分阶段给予每个项目最高200万元 → 2,000,000.
  { name: "10.3 not a demonstration project", clause: "changping-device/10.3", facts: { deviceDemoProject: false }, expected: "not-met" },

  // 第十一条（一）: acquisition 超过10亿元 (strictly greater): one-time 最高1000万元 → 10,000,000.
  { name: "11.1 acquisition of exactly 1B is not above it", clause: "changping-device/11.1", facts: { acquisitionValue: "1000000000" }, expected: "not-met" },
  { name: "11.1 acquisition value not known", clause: "changping-device/11.1", facts: {}, expected: "unknown" },

  // 第十一条（二）: overseas sales 超过1000万元 (strictly greater); 5‰ of them, 20M per enterprise a year.
  { name: "11.2 overseas sales of exactly 10M are not above it", clause: "changping-device/11.2", facts: { overseasSales: "10000000" }, expected: "not-met" },
  // 5‰ × 5,000,000,000 = 25,000,000 → 20,000,000.
  { name: "11.2 above the cap", clause: "changping-device/11.2", facts: { overseasSales: "5000000000" }, expected: "20000000", binds: "20,000,000" },
  { name: "11.2 overseas sales not known", clause: "changping-device/11.2", facts: {}, expected: "unknown" },

  // 第十二条（一）: hosting, 20% of the project's cost, 2M per project a year.
  // 20% × 5,000,000 = 1,000,000; 20% × 10,000,000 = 2,000,000 (the cap); 20% × 15,000,000 = 3,000,000 → 2,000,000.
  { name: "12.1 above the cap", clause: "changping-device/12.1", facts: { eventRole: "host", projectCost: "15000000" }, expected: "2000000", binds: "2,000,000" },
  { name: "12.1 attending is not hosting", clause: "changping-device/12.1", facts: { eventRole: "overseasAttendee", projectCost: "5000000" }, expected: "not-met" },
  { name: "12.1 cost not known", clause: "changping-device/12.1", facts: { eventRole: "host" }, expected: "unknown" },
  // The plan states only the pharma measures' 活动实际发生费用 (医药 第十六条（三）): read for 项目经费, marked assumed.
  // 20% × 5,000,000 = 1,000,000; 20% × 15,000,000 = 3,000,000 → the 2,000,000 cap ("单个项目年度最高支持200万元").
  { name: "12.1 on the event's costs alone, assumed", clause: "changping-device/12.1", facts: { eventRole: "host", eventCost: "5000000" }, expected: "1000000", assumed: "base" },
  { name: "12.1 on the event's costs alone, above the cap", clause: "changping-device/12.1", facts: { eventRole: "host", eventCost: "15000000" }, expected: "2000000", binds: "2,000,000", assumed: "base" },

  // 第十二条（二）: attending overseas events, 50% of cost, 最高5万元 each.
  // 50% × 60,000 = 30,000; 50% × 100,000 = 50,000 (the cap); 50% × 300,000 = 150,000 → 50,000.
  { name: "12.2 above the cap", clause: "changping-device/12.2", facts: { eventRole: "overseasAttendee", projectCost: "300000" }, expected: "50000", binds: "50,000" },
  { name: "12.2 hosting is not attending overseas", clause: "changping-device/12.2", facts: { eventRole: "host", projectCost: "60000" }, expected: "not-met" },
  { name: "12.2 role not known", clause: "changping-device/12.2", facts: { projectCost: "60000" }, expected: "unknown" },
  // No other text of the matter pays attending overseas, so no other base stands in for 项目经费 here.
  { name: "12.2 the event's costs do not stand in", clause: "changping-device/12.2", facts: { eventRole: "overseasAttendee", eventCost: "60000" }, expected: "unknown" },
]);
