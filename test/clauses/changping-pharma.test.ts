import { clauseTable } from "../support/clause-table";

// 昌平组团促进医药健康产业发展支持办法（修订稿）（征求意见稿）, policies/001_d4c13bd799f887e6.txt
clauseTable([
  // 第五条（一）: class 1 drugs entering phase Ⅰ, Ⅱ, Ⅲ: 50万元, 100万元, 200万元 per product.
  { name: "5.1 class 1 entering phase I: 500k", clause: "changping-pharma/5.1", facts: { drugClass: 1, phase: 1 }, expected: "500000" },
  { name: "5.1 class 1 entering phase II: 1M", clause: "changping-pharma/5.1", facts: { drugClass: 1, phase: 2 }, expected: "1000000" },
  { name: "5.1 class 1 entering phase III: 2M", clause: "changping-pharma/5.1", facts: { drugClass: 1, phase: 3 }, expected: "2000000" },
  // Class 2 may follow class 1 only for completing a phase (完成…), which has no number; entering pays nothing.
  { name: "5.1 class 2 entering a phase", clause: "changping-pharma/5.1", facts: { drugClass: 2, phase: 1 }, expected: "not-met" },

  // 第十二条（一）: 2‰ of main-business revenue on first reaching 500M (含).
  // 2‰ × 600,000,000 = 1,200,000.
  { name: "12.1 first reaching 500M", clause: "changping-pharma/12.1", facts: { revenue: "600000000", bestRevenueBefore: "450000000" }, expected: "1200000" },
  { name: "12.1 reached before", clause: "changping-pharma/12.1", facts: { revenue: "600000000", bestRevenueBefore: "500000000" }, expected: "not-met" },

  // 第十二条（三）: the same milestones as the device measures. 1B after a best of 600M → 5M.
  { name: "12.3 first crossing 1B", clause: "changping-pharma/12.3", facts: { output: "1000000000", bestOutputBefore: "600000000" }, expected: "5000000" },
  { name: "12.3 first crossing 500M", clause: "changping-pharma/12.3", facts: { output: "500000000", bestOutputBefore: "499999999.99" }, expected: "2000000" },

  // 第十三条: SME, revenue < 30M, two-year R&D ≥ 10M, three years of growth; 10% of last year's R&D, no cap.
  // 10% × 30,000,000 = 3,000,000 (the device measures would stop at 2M).
  { name: "13 no cap in the text", clause: "changping-pharma/13", facts: { revenueLastYear: "10000000", rdLastYear: "30000000", rdYearBefore: "20000000", rdGrowthThreeYears: true, sme: true }, expected: "3000000" },
  { name: "13 not an SME", clause: "changping-pharma/13", facts: { revenueLastYear: "10000000", rdLastYear: "30000000", rdYearBefore: "20000000", rdGrowthThreeYears: true, sme: false }, expected: "not-met" },
  { name: "13 growth not known", clause: "changping-pharma/13", facts: { revenueLastYear: "10000000", rdLastYear: "30000000", rdYearBefore: "20000000", sme: true }, expected: "unknown" },
]);
