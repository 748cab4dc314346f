/**
 * The namespace of the custom XML part holding a workbook's policy packs (packs-part.ts), alone
 * in its module: functions.js's amount path finds the part by it without carrying the reader.
 */
export const PACKS_PART_NAMESPACE = "urn:subsidy-forecast:workbook-packs:1";
