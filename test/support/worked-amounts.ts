/**
 * Each amount function worked out by hand from the clauses (packs/<id>/pack.json, quoted from
 * the texts beside them): the engine in Node (test/functions.test.ts) and the built functions.js with no
 * chunk loadable (test/addin/rest-chunk.test.ts) must both hold them.
 */
export const workedAmounts: readonly (readonly [name: string, args: readonly (string | number)[], expected: number])[] = [
  // Shenzhen class II 40% × 10M = 4M → 3M cap; innovative raises the cap to 4M.
  ["REGISTRATION", [2, 10000000, "shenzhen"], 3000000],
  ["REGISTRATION", [2, 10000000, "shenzhen", "innovative"], 4000000],
  // Shenzhen class III innovative: 40% × 20M = 8M → 6M.
  ["REGISTRATION", [3, 20000000, "shenzhen", "innovative"], 6000000],
  // Changping recognised major class II: 30% × 2M = 600k.
  ["REGISTRATION", [2, 2000000, "changping", "major"], 600000],
  // Changping class II innovative: 30% × 10M = 3M (5.2, cap 8M) + Beijing 2M.
  ["REGISTRATION", [2, 10000000, "changping", "innovative"], 5000000],
  // DESIGN's pathways, each text paying the reviews it names. National priority review, Changping
  // class III, R&D 5M: 5.1 and 5.2 both give 30% × 5M = 1.5M (从优, one of them) + Beijing 一、3 2M = 3.5M.
  ["REGISTRATION", [3, 5000000, "changping", "priority"], 3500000],
  ["REGISTRATION", [3, 5000000, "changping", "国家优先"], 3500000],
  // Beijing's own innovative review (市级创新): Changping 5.2 does not name it; 5.1 1.5M + Beijing 2M = 3.5M.
  // R&D 40M shows the difference: 5.1 caps at 3M (not 5.2's 8M), + 2M = 5M.
  ["REGISTRATION", [3, 40000000, "changping", "provincial"], 5000000],
  ["REGISTRATION", [3, 40000000, "changping", "市级创新"], 5000000],
  // Beijing's priority approval (市级优先): only Beijing 一、3 names it: 3M + 2M = 5M.
  ["REGISTRATION", [3, 40000000, "changping", "provincial-priority"], 5000000],
  // The national innovative review (国家创新): 30% × 40M = 12M → 8M, + 2M = 10M (DESIGN's example).
  ["REGISTRATION", [3, 40000000, "changping", "国家创新"], 10000000],
  // Shenzhen （五） names the national and provincial special reviews: 40% × 20M = 8M → 6M;
  // the national priority review raises nothing: 5M.
  ["REGISTRATION", [3, 20000000, "shenzhen", "provincial"], 6000000],
  ["REGISTRATION", [3, 20000000, "shenzhen", "省级创新"], 6000000],
  ["REGISTRATION", [3, 20000000, "shenzhen", "priority"], 5000000],
  ["REGISTRATION", [3, 20000000, "shenzhen", "provincial-priority"], 5000000],
  // Elsewhere in Beijing, a priority approval: the municipal 2M.
  ["REGISTRATION", [3, 40000000, "beijing", "provincial-priority"], 2000000],
  // Elsewhere in Beijing: the municipal 2M only.
  ["REGISTRATION", [3, 40000000, "beijing", "innovative"], 2000000],
  ["REGISTRATION", [3, 40000000, "beijing"], 0],
  // Class I is a filing.
  ["REGISTRATION", [1, 40000000, "changping", "innovative"], 0],
  // Beijing's measures run to 2028-12-31: in 2029 only Changping's 8M is left.
  ["REGISTRATION", [3, 40000000, "changping", "innovative", 2029], 8000000],
  ["REGISTRATION", [3, 40000000, "changping", "innovative", 2028], 10000000],
  // RESEARCH: 10% × 25M = 2.5M → 2M cap; revenue 30M is not 不足3000万元.
  ["RESEARCH", [0, 25000000, 0, "changping"], 2000000],
  ["RESEARCH", [30000000, 8000000, 4000000, "changping"], 0],
  ["RESEARCH", [20000000, 8000000, 4000000, "shenzhen"], 0],
  // SCALEUP: 40M → 600M crosses 50M, 100M, 500M: the highest, 2M.
  ["SCALEUP", [600000000, 40000000, "changping"], 2000000],
  ["SCALEUP", [120000000, 80000000, "shenzhen"], 0],
  // REVENUE: 2‰ × 600M = 1.2M on first reaching 500M.
  ["REVENUE", [600000000, 400000000, "changping"], 1200000],
  ["REVENUE", [600000000, 500000000, "changping"], 0],
  // VBP: Changping 3% × 50M = 1.5M; Shenzhen 3% × 200M = 6M → 3M per product.
  ["VBP", [50000000, "changping"], 1500000],
  ["VBP", [200000000, "shenzhen"], 3000000],
  // FIRSTSET: Changping 20% × 30M = 6M; Shenzhen's first-set measure carries no money.
  ["FIRSTSET", [30000000, "changping"], 6000000],
  ["FIRSTSET", [30000000, "shenzhen"], 0],
  // INSURANCE: 50% × 1.2M = 600k → 500k per policy.
  ["INSURANCE", [1200000, "changping"], 500000],
  ["INSURANCE", [300000, "changping"], 150000],
  // FACILITY is Shenzhen's: Changping has no such clause.
  ["FACILITY", [20000000, 2000, "changping"], 0],
  // CLINICAL: class 1 entering phase Ⅲ → 2M; class 2 entering → nothing stated.
  ["CLINICAL", [1, 3, "changping"], 2000000],
  ["CLINICAL", [1, "II", "changping"], 1000000],
  ["CLINICAL", [2, 1, "changping"], 0],
  ["CLINICAL", [1, 1, "shenzhen"], 0],
  // Beijing's measures are in force from 2025-11-24 (一、3's fixed 200万元): nothing in 2024.
  ["REGISTRATION", [3, 40000000, "beijing", "innovative", 2024], 0],
  // FIRSTSET: 20% × 80M = 16M → Changping's 1000万元 cap.
  ["FIRSTSET", [80000000, "changping"], 10000000],
];
