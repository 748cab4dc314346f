/**
 * DESIGN.md's examples, worked out by hand from the clauses: the unit tests, the CLI and the
 * built bundle must all hold them.
 */
export const designExamples: readonly (readonly [name: string, args: readonly (string | number)[], expected: number])[] = [
  // Shenzhen （五）: 40% of 5M = 2M, under the 5M class III cap.
  ["REGISTRATION", [3, 5000000, "shenzhen"], 2000000],
  // Changping 第五条（一）: 30% of 5M = 1.5M (cap 3M); Beijing 一、3 pays only the reviews it names, not a standard path.
  ["REGISTRATION", [3, 5000000, "changping"], 1500000],
  // Changping supports class II only when recognised as major; Beijing only innovative.
  ["REGISTRATION", [2, 5000000, "changping"], 0],
  // Changping 第五条（二）: 30% of 40M = 12M → 8M cap, plus Beijing 一、3's 2M.
  ["REGISTRATION", [3, 40000000, "changping", "innovative"], 10000000],
  // 第三条（一）: revenue 20M < 30M; R&D 8M + 4M = 12M ≥ 10M; 10% of 8M = 800k.
  ["RESEARCH", [20000000, 8000000, 4000000, "changping"], 800000],
  // 第八条（一）: 120M first passes 100M → 400k.
  ["SCALEUP", [120000000, 80000000, "changping"], 400000],
  // Shenzhen （七）: min(40% × 20M = 8M, 3,000 × 2,000 m² = 6M, 10M) = 6M.
  ["FACILITY", [20000000, 2000, "shenzhen"], 6000000],
];
