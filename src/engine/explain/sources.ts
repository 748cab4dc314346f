import type { Source } from "./words";

/**
 * Where a scenario states each fact the plan derives (matters.ts): a clause that cannot tell
 * names it. Any other fact is stated in an event's further facts.
 */
const sources: Readonly<Record<string, Source>> = {
  sector: "enterprise",
  sme: "enterprise",
  revenueLastYear: "financials",
  rdLastYear: "financials",
  rdYearBefore: "financials",
  rdGrowthThreeYears: "financials",
  revenue: "financials",
  bestRevenueBefore: "financials",
  deviceClass: "certificate",
  pathway: "certificate",
  rdCost: "certificate",
  localProduction: "certificate",
  inInnovativeReview: "innovativeReview",
  fdaBreakthrough: "fdaBreakthrough",
  drugClass: "clinical",
  phase: "clinical",
  output: "output",
  bestOutputBefore: "output",
  bidValue: "vbp",
  firstVbpWin: "vbp",
  procurementThisYear: "vbp",
  nationalVbp: "vbp",
  firstSetSales: "firstSet",
  premium: "insurance",
  facilityCost: "facility",
  areaM2: "facility",
};

export const sourceOf = (fact: string): Source => (Object.prototype.hasOwnProperty.call(sources, fact) ? sources[fact] : "eventFacts");
