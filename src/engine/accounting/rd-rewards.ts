/**
 * Rewards of costs already incurred whose amount is measured on R&D spending, by clause id, with
 * the clause's own words (verbatim, checked against its sentence by test/accounting/before.test.ts).
 * Set non-taxable, such a reward's R&D loses its super deduction too (国家税务总局公告2015年第97号
 * 二、（五）), in the years those costs fell. A per-clause reading kept beside the accounting code, not
 * in catalog/accounting.json (whose `rd` marks funds for later R&D), until the lead moves it into the
 * packs (RULINGS §83).
 */
export const rdRewards: Readonly<Record<string, string>> = {
  "changping-device/3.1": "上一年度研发投入",
  "changping-device/5.1": "取证产品研发投入",
  "changping-device/5.2": "取证产品研发投入",
  "changping-device/5.3": "按照不超过研发投入的30%",
  "changping-pharma/5.1-completion": "结合实际临床研发投入",
  "changping-pharma/13": "上一年度研发投入",
  "shenzhen-device/5.class2": "按实际投入研发费用的40%",
  "shenzhen-device/5.class3": "按实际投入研发费用的40%",
  "beijing-device/6": "企业上一年度研发投入",
};
