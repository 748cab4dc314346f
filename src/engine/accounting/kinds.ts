import type { Catalog } from "../catalog/catalog";

/**
 * The accounting class of a monetary clause (DESIGN ruling 16; 企业会计准则第16号——政府补助,
 * 2017): support for building or buying a long-lived asset is asset-related (与资产相关);
 * other support is income-related (与收益相关), compensating costs already incurred or costs
 * still to come. Kept in catalog/accounting.json, keyed by clause id, beside the policy files.
 */
export const accountingClasses = ["asset", "incurred", "later"] as const;
export type AccountingClass = (typeof accountingClasses)[number];

/** The kind of long-lived asset, for its default useful life. */
export const assetKinds = ["building", "equipment"] as const;
export type AssetKind = (typeof assetKinds)[number];

/** What is wrong between the catalog and its accounting classes: a monetary clause without one,
 * a class for no clause or for a clause without an amount, words not in the sentence. */
export function accountingProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  const byId = new Map(catalog.clauses.map((c) => [c.id, c]));
  for (const c of catalog.clauses) if (c.formula && !catalog.accounting[c.id]) problems.push(`${c.id}: a monetary clause without an accounting class`);
  for (const [id, entry] of Object.entries(catalog.accounting)) {
    const clause = byId.get(id);
    if (!clause) problems.push(`${id}: an accounting class for an unknown clause`);
    else if (!clause.formula) problems.push(`${id}: an accounting class for a clause that pays no amount`);
    else if (!clause.sentence.includes(entry.words)) problems.push(`${id}: "${entry.words}" is not in the clause's sentence`);
    else if (entry.vat !== undefined && !clause.sentence.includes(entry.vat)) problems.push(`${id}: "${entry.vat}" is not in the clause's sentence`);
  }
  return problems;
}

/** Useful lives in years where neither the event nor the scenario sets one (docs/RULINGS.md 44). */
export const defaultLives: Readonly<Record<AssetKind, number>> = { building: 20, equipment: 10 };

/** 研发费用加计扣除: 100% of R&D costs for every enterprise from 2023 (财政部 税务总局公告2023年第7号 第一条). */
export const DEFAULT_SUPER_DEDUCTION = "1";

/** Output VAT on support tied to sales: the general rate for goods, and the surcharges on it
 * (城市维护建设税 7%, 教育费附加 3%, 地方教育附加 2%), unless the scenario sets them. */
export const DEFAULT_VAT_RATE = "0.13";
export const DEFAULT_VAT_SURCHARGES = "0.12";
