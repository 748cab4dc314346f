import { clauseTable } from "../support/clause-table";

// 深圳市促进高端医疗器械产业集群高质量发展的若干措施, policies/002_4b5bfd69d8734961.txt
clauseTable([
  // （五）: class II, 40% of R&D, cap 3M per product. 40% × 5,000,000 = 2,000,000; 40% × 10,000,000 → 3,000,000.
  { name: "(5) class II 40%", clause: "shenzhen-device/5.class2", facts: { deviceClass: 2, rdCost: "5000000" }, expected: "2000000" },
  { name: "(5) class II capped at 3M", clause: "shenzhen-device/5.class2", facts: { deviceClass: 2, rdCost: "10000000" }, expected: "3000000", binds: "3,000,000" },
  // Class III, cap 5M: 40% × 5,000,000 = 2,000,000 (DESIGN example); 40% × 12,500,000 = 5,000,000 exactly; 40% × 20M → 5M.
  { name: "(5) class III 40% of 5M", clause: "shenzhen-device/5.class3", facts: { deviceClass: 3, rdCost: "5000000" }, expected: "2000000" },
  { name: "(5) class III at the 5M cap", clause: "shenzhen-device/5.class3", facts: { deviceClass: 3, rdCost: "12500000" }, expected: "5000000" },
  { name: "(5) class III above the cap", clause: "shenzhen-device/5.class3", facts: { deviceClass: 3, rdCost: "20000000" }, expected: "5000000", binds: "5,000,000" },
  { name: "(5) class I", clause: "shenzhen-device/5.class3", facts: { deviceClass: 1, rdCost: "20000000" }, expected: "not-met" },
  // 上限再提高100万元: class II innovative cap 4M, class III innovative cap 6M. 40% × 20,000,000 = 8,000,000.
  { name: "(5) innovative class II cap 4M", clause: "shenzhen-device/5.innovative-class2", facts: { deviceClass: 2, rdCost: "20000000", pathway: "innovative" }, expected: "4000000", binds: "4,000,000" },
  { name: "(5) innovative class III cap 6M", clause: "shenzhen-device/5.innovative-class3", facts: { deviceClass: 3, rdCost: "20000000", pathway: "innovative" }, expected: "6000000", binds: "6,000,000" },
  // Below the raised cap the rate decides: 40% × 13,000,000 = 5,200,000 < 6M.
  { name: "(5) innovative class III below its cap", clause: "shenzhen-device/5.innovative-class3", facts: { deviceClass: 3, rdCost: "13000000", pathway: "innovative" }, expected: "5200000" },
  { name: "(5) standard pathway gets no raise", clause: "shenzhen-device/5.innovative-class3", facts: { deviceClass: 3, rdCost: "20000000", pathway: "standard" }, expected: "not-met" },

  // （七）: 40% of the cost, at most 3000元/㎡, at most 10M.
  // 20,000,000 × 40% = 8,000,000; 2,000 m² × 3,000 = 6,000,000 → 6,000,000 (DESIGN example).
  { name: "(7) the per-m² cap binds", clause: "shenzhen-device/7", facts: { facilityCost: "20000000", areaM2: "2000" }, expected: "6000000", binds: "per m²" },
  // 10,000,000 × 40% = 4,000,000 < 5,000 × 3,000 = 15,000,000 → 4,000,000.
  { name: "(7) the rate binds", clause: "shenzhen-device/7", facts: { facilityCost: "10000000", areaM2: "5000" }, expected: "4000000" },
  // 40,000,000 × 40% = 16,000,000; 10,000 m² × 3,000 = 30,000,000; → 10,000,000.
  { name: "(7) the 10M cap binds", clause: "shenzhen-device/7", facts: { facilityCost: "40000000", areaM2: "10000" }, expected: "10000000", binds: "10,000,000" },
  { name: "(7) no area given", clause: "shenzhen-device/7", facts: { facilityCost: "40000000" }, expected: "unknown" },

  // （十五）: 3% of this year's procurement, 3M per product. 3% × 60,000,000 = 1,800,000; 3% × 150,000,000 → 3,000,000.
  { name: "(15) 3% of procurement", clause: "shenzhen-device/15", facts: { bidValue: "60000000" }, expected: "1800000" },
  { name: "(15) capped at 3M", clause: "shenzhen-device/15", facts: { bidValue: "150000000" }, expected: "3000000", binds: "3,000,000" },

  // 有效期5年 from an issue date the text does not give: in force unless the user sets one.
  { name: "validity: no issue date, in force in 2040", clause: "shenzhen-device/15", year: 2040, facts: { bidValue: "60000000" }, expected: "1800000" },
  // Issued 2023-03-01 → in force to 2028-02-29: 2028 counts, 2029 does not.
  { name: "validity: last year of a set window", clause: "shenzhen-device/15", year: 2028, issueDates: { "shenzhen-device": "2023-03-01" }, facts: { bidValue: "60000000" }, expected: "1800000" },
  { name: "validity: after a set window", clause: "shenzhen-device/15", year: 2029, issueDates: { "shenzhen-device": "2023-03-01" }, facts: { bidValue: "60000000" }, expected: "out-of-validity" },
]);
