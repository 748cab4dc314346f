import { clauseTable } from "../support/clause-table";

// 昌平区促进高端医疗器械产业集群发展的若干措施（征求意见稿）, policies/000_d0bd31d2d04e6e8a.txt
clauseTable([
  // 第三条（一）: revenue < 30M, R&D of the last two years ≥ 10M; 10% of last year's R&D, cap 2M.
  // 10% × 8,000,000 = 800,000 (DESIGN example).
  { name: "3.1 10% of 8M is 800k", clause: "changping-device/3.1", facts: { revenueLastYear: "20000000", rdLastYear: "8000000", rdYearBefore: "4000000" }, expected: "800000" },
  // 10% × 20,000,000 = 2,000,000: exactly the cap.
  { name: "3.1 at the 2M cap", clause: "changping-device/3.1", facts: { revenueLastYear: "0", rdLastYear: "20000000", rdYearBefore: "0" }, expected: "2000000" },
  // 10% × 25,000,000 = 2,500,000 → capped at 2,000,000.
  { name: "3.1 above the cap", clause: "changping-device/3.1", facts: { revenueLastYear: "1", rdLastYear: "25000000", rdYearBefore: "0" }, expected: "2000000", binds: "2,000,000" },
  // 不足3000万元 is strictly below: revenue of exactly 30M fails.
  { name: "3.1 revenue of exactly 30M is not 不足3000万元", clause: "changping-device/3.1", facts: { revenueLastYear: "30000000", rdLastYear: "8000000", rdYearBefore: "4000000" }, expected: "not-met" },
  { name: "3.1 revenue just below 30M", clause: "changping-device/3.1", facts: { revenueLastYear: "29999999.99", rdLastYear: "8000000", rdYearBefore: "4000000" }, expected: "800000" },
  // 达1000万元以上 is inclusive: 6M + 4M = 10M qualifies; 10% × 6M = 600,000.
  { name: "3.1 two-year R&D of exactly 10M", clause: "changping-device/3.1", facts: { revenueLastYear: "0", rdLastYear: "6000000", rdYearBefore: "4000000" }, expected: "600000" },
  { name: "3.1 two-year R&D just below 10M", clause: "changping-device/3.1", facts: { revenueLastYear: "0", rdLastYear: "5999999.99", rdYearBefore: "4000000" }, expected: "not-met" },
  { name: "3.1 without the year before's R&D", clause: "changping-device/3.1", facts: { revenueLastYear: "0", rdLastYear: "12000000" }, expected: "unknown" },

  // 第三条（二）: 50% of the premium of one policy, cap 500k.
  // 50% × 600,000 = 300,000.
  { name: "3.2 half the premium", clause: "changping-device/3.2", facts: { premium: "600000" }, expected: "300000" },
  // 50% × 1,000,000 = 500,000: exactly the cap.
  { name: "3.2 at the 500k cap", clause: "changping-device/3.2", facts: { premium: "1000000" }, expected: "500000" },
  // 50% × 1,000,001 = 500,000.5 → 500,000.
  { name: "3.2 above the cap", clause: "changping-device/3.2", facts: { premium: "1000001" }, expected: "500000", binds: "500,000" },

  // 第五条（一）: class III certificate, 30% of the product's R&D, cap 3M per certificate.
  // 30% × 5,000,000 = 1,500,000 (DESIGN example).
  { name: "5.1 class III 30% of 5M", clause: "changping-device/5.1", facts: { deviceClass: 3, rdCost: "5000000", pathway: "standard" }, expected: "1500000" },
  // 30% × 10,000,000 = 3,000,000: exactly the cap.
  { name: "5.1 at the 3M cap", clause: "changping-device/5.1", facts: { deviceClass: 3, rdCost: "10000000", pathway: "standard" }, expected: "3000000" },
  // 30% × 40,000,000 = 12,000,000 → 3,000,000.
  { name: "5.1 above the cap", clause: "changping-device/5.1", facts: { deviceClass: 3, rdCost: "40000000", pathway: "standard" }, expected: "3000000", binds: "3,000,000" },
  // 经认定的重大二类 may be supported as class III: 30% × 2,000,000 = 600,000.
  { name: "5.1 recognised major class II", clause: "changping-device/5.1", facts: { deviceClass: 2, rdCost: "2000000", pathway: "major" }, expected: "600000" },
  { name: "5.1 ordinary class II", clause: "changping-device/5.1", facts: { deviceClass: 2, rdCost: "2000000", pathway: "standard" }, expected: "not-met" },
  { name: "5.1 class I is a filing", clause: "changping-device/5.1", facts: { deviceClass: 1, rdCost: "2000000", pathway: "standard" }, expected: "not-met" },

  // 第五条（二）: national innovative or priority review, 30%, cap 8M per certificate.
  // 30% × 20,000,000 = 6,000,000.
  { name: "5.2 innovative 30% of 20M", clause: "changping-device/5.2", facts: { deviceClass: 3, rdCost: "20000000", pathway: "innovative" }, expected: "6000000" },
  // 30% × 40,000,000 = 12,000,000 → 8,000,000 (DESIGN example's Changping part).
  { name: "5.2 innovative capped at 8M", clause: "changping-device/5.2", facts: { deviceClass: 3, rdCost: "40000000", pathway: "innovative" }, expected: "8000000", binds: "8,000,000" },
  { name: "5.2 standard pathway", clause: "changping-device/5.2", facts: { deviceClass: 3, rdCost: "40000000", pathway: "standard" }, expected: "not-met" },
  // 落地生产的一次性再给予最高300万元.
  { name: "5.2 produced locally: a further 3M", clause: "changping-device/5.2-production", facts: { deviceClass: 3, pathway: "innovative", localProduction: true }, expected: "3000000" },
  { name: "5.2 not produced locally", clause: "changping-device/5.2-production", facts: { deviceClass: 3, pathway: "innovative", localProduction: false }, expected: "not-met" },
  // 进入…审查程序的，单个产品可先期给予最高200万元.
  { name: "5.2 entering the review: 2M in advance", clause: "changping-device/5.2-entry", facts: { inInnovativeReview: true }, expected: "2000000" },

  // 第八条（一）: first crossing of 50M, 100M, 500M, 1B, 2B → 200k, 400k, 2M, 5M, 10M.
  // 120M after a best of 80M crosses 100M for the first time → 400,000 (DESIGN example).
  { name: "8.1 first crossing 100M", clause: "changping-device/8.1", facts: { output: "120000000", bestOutputBefore: "80000000" }, expected: "400000" },
  // 首次突破 is inclusive: exactly 50M → 200,000.
  { name: "8.1 exactly 50M", clause: "changping-device/8.1", facts: { output: "50000000", bestOutputBefore: "0" }, expected: "200000" },
  { name: "8.1 just below 50M", clause: "changping-device/8.1", facts: { output: "49999999", bestOutputBefore: "0" }, expected: "0" },
  // Ruling 7: from 40M to 600M crosses 50M, 100M and 500M in one year → the highest, 2,000,000.
  { name: "8.1 several thresholds in one year pay the highest", clause: "changping-device/8.1", facts: { output: "600000000", bestOutputBefore: "40000000" }, expected: "2000000" },
  // Already above 100M before: 150M crosses nothing new.
  { name: "8.1 no new threshold", clause: "changping-device/8.1", facts: { output: "150000000", bestOutputBefore: "100000000" }, expected: "0" },
  { name: "8.1 2B", clause: "changping-device/8.1", facts: { output: "2000000000", bestOutputBefore: "1999999999" }, expected: "10000000" },

  // 第八条（二）: revenue first reaching 500M (含): 2‰ of revenue.
  // 2‰ × 500,000,000 = 1,000,000.
  { name: "8.2 exactly 500M", clause: "changping-device/8.2", facts: { revenue: "500000000", bestRevenueBefore: "300000000" }, expected: "1000000" },
  // 2‰ × 812,345,678 = 1,624,691.356.
  { name: "8.2 2‰ kept exact", clause: "changping-device/8.2", facts: { revenue: "812345678", bestRevenueBefore: "0" }, expected: "1624691.356" },
  { name: "8.2 not the first time", clause: "changping-device/8.2", facts: { revenue: "900000000", bestRevenueBefore: "500000000" }, expected: "not-met" },
  { name: "8.2 below 500M", clause: "changping-device/8.2", facts: { revenue: "499999999", bestRevenueBefore: "0" }, expected: "not-met" },

  // 第十条（一）: first-of-its-kind, 20% of this year's sales, cap 10M.
  // 20% × 30,000,000 = 6,000,000; 20% × 60,000,000 = 12,000,000 → 10,000,000.
  { name: "10.1 20% of sales", clause: "changping-device/10.1", facts: { firstSetSales: "30000000" }, expected: "6000000" },
  { name: "10.1 capped at 10M", clause: "changping-device/10.1", facts: { firstSetSales: "60000000" }, expected: "10000000", binds: "10,000,000" },

  // 第十条（二）: first VBP win, 3% of the bid value, cap 3M per product.
  // 3% × 50,000,000 = 1,500,000; 3% × 100,000,000 = 3,000,000 (the cap); 3% × 200,000,000 → 3,000,000.
  { name: "10.2 3% of the bid", clause: "changping-device/10.2", facts: { bidValue: "50000000", firstVbpWin: true }, expected: "1500000" },
  { name: "10.2 at the cap", clause: "changping-device/10.2", facts: { bidValue: "100000000", firstVbpWin: true }, expected: "3000000" },
  { name: "10.2 above the cap", clause: "changping-device/10.2", facts: { bidValue: "200000000", firstVbpWin: true }, expected: "3000000", binds: "3,000,000" },
  { name: "10.2 not the first win", clause: "changping-device/10.2", facts: { bidValue: "50000000", firstVbpWin: false }, expected: "not-met" },
]);
